"""The plain-fault rule's words in the residents' other languages (`triage.rules_abroad`)."""

from __future__ import annotations

import re

import pytest

from triage import rules_abroad, rules_more
from triage.flags import FlagInput, detect_also_service_request, home_systems
from triage.labels import Label
from triage.rule_engine import first_match

SYSTEMS = [re.compile(source) for source in rules_abroad.HOME_SYSTEMS_ABROAD]
OTHER = re.compile(rules_abroad.OTHER_MATTER_ABROAD)
TIED = re.compile(rules_abroad.TIED_ABROAD)

# Greetings and sign-offs name no part of the home.
GREETINGS = {
    "polish": ["dzień dobry", "pozdrawiam", "z poważaniem", "dziękuję bardzo", "szanowni państwo"],
    "romanian": ["bună ziua", "mulțumesc", "cu stimă", "vă mulțumesc frumos", "bună seara"],
    "portuguese": ["olá", "obrigada", "obrigado", "bom dia", "cumprimentos", "atenciosamente"],
    "spanish": ["hola", "gracias", "buenos días", "saludos cordiales", "atentamente", "un saludo"],
    "welsh": ["bore da", "diolch", "diolch yn fawr", "cofion", "yn gywir", "prynhawn da"],
    "arabic": ["السلام عليكم", "شكرا", "شكرا جزيلا", "مع التحية", "مرحبا", "وعليكم السلام"],
    "urdu": ["السلام علیکم", "شکریہ", "آپ کا شکریہ", "خدا حافظ"],
    "bengali": ["আসসালামু আলাইকুম", "ধন্যবাদ", "নমস্কার", "শুভেচ্ছা"],
    "punjabi": ["ਸਤ ਸ੍ਰੀ ਅਕਾਲ", "ਧੰਨਵਾਦ", "ਤੁਹਾਡਾ ਧੰਨਵਾਦ"],
    "gujarati": ["નમસ્તે", "આભાર", "તમારો આભાર", "જય શ્રી કૃષ્ણ"],
    "somali": ["salaan", "mahadsanid", "asc", "nabad gelyo", "waad mahadsantihiin"],
    "turkish": ["merhaba", "teşekkürler", "teşekkür ederim", "saygılarımla", "iyi günler", "kolay gelsin"],
    "lithuanian": ["laba diena", "ačiū", "pagarbiai", "labai ačiū", "sveiki"],
    "farsi": ["سلام", "ممنون", "با تشکر", "با سپاس", "خسته نباشید", "ارادتمند"],
    "chinese": ["您好", "谢谢", "此致敬礼", "非常感谢", "祝好"],
    "tigrinya": ["ሰላም", "የቐንየለይ", "ምስ ሰላምታ"],
    "french": ["bonjour", "merci", "cordialement", "bien à vous", "madame, monsieur", "bonne journée"],
    "italian": ["buongiorno", "grazie", "cordiali saluti", "distinti saluti", "gentili signori"],
    "russian": ["здравствуйте", "спасибо", "доброго дня", "с уважением", "добрый день"],
    "ukrainian": ["доброго дня", "дякую", "з повагою", "добрий день", "вітаю"],
    "roman_hindi_urdu": ["assalamualaikum", "shukriya", "dhanyavaad", "namaste", "khuda hafiz"],
}

# Per language: a fault, a rent complaint (another matter), a fault tied to the complaint.
EXAMPLES = {
    "polish": [
        "wentylator w łazience przestał działać.",
        "naliczyliście mi podwójny czynsz za marzec i nikt nie odpowiada na moje pisma.",
        "kran nadal cieknie, hydraulik był już dwa razy.",
        "na ścianie w sypialni jest pleśń, a w oknie pękła szyba; w kranie brak ciepłej wody.",
    ],
    "romanian": [
        "robinetul din baie curge și pe peretele din dormitor a apărut mucegai.",
        "mi-ați taxat chiria de două ori luna aceasta și nu am primit nicio scrisoare.",
        "caloriferul tot nu merge, deși instalatorul a venit de două ori.",
    ],
    "portuguese": [
        "a torneira da cozinha está a pingar e a luz do corredor não acende.",
        "cobraram-me a renda duas vezes e não recebi o reembolso.",
        "a caldeira avariou outra vez, o técnico já cá veio duas vezes.",
    ],
    "spanish": [
        "el extractor del baño ha dejado de funcionar.",
        "me han cobrado el alquiler dos veces y nadie contesta mis cartas.",
        "la gotera sigue, el fontanero vino hace tres semanas y no la arregló.",
    ],
    "welsh": [
        "mae'r golau yn y gegin wedi stopio gweithio.",
        "rydw i wedi talu'r rhent ddwywaith ac mae angen ad-daliad arnaf.",
        "mae'r toiled yn dal i ollwng er bod y plymwr wedi bod yma.",
    ],
    "arabic": [
        "مروحة الشفاط في الحمام توقفت عن العمل.",
        "تم خصم الإيجار مرتين ولم يرد أحد على رسائلي.",
        "لا يزال السقف يسرب الماء رغم أن السباك جاء مرتين.",
    ],
    "urdu": [
        "باتھ روم کا پنکھا کام نہیں کر رہا۔",
        "آپ نے مجھ سے دو بار کرایہ لیا ہے اور ابھی تک ریفنڈ نہیں ملا۔",
        "نلکا ابھی تک ٹپک رہا ہے، پلمبر دو بار آ چکا ہے۔",
    ],
    "bengali": [
        "বাথরুমের ফ্যানটা কাজ করছে না।",
        "আমার কাছ থেকে দুইবার ভাড়া কেটে নেওয়া হয়েছে, কেউ আমার চিঠির উত্তর দেয়নি।",
        "ছাদ থেকে এখনও পানি পড়ছে, মিস্ত্রি দুইবার এসেছিল।",
    ],
    "punjabi": [
        "ਰਸੋਈ ਦੀ ਟੂਟੀ ਲੀਕ ਹੋ ਰਹੀ ਹੈ।",
        "ਤੁਸੀਂ ਮੇਰੇ ਤੋਂ ਦੋ ਵਾਰ ਕਿਰਾਇਆ ਲਿਆ ਹੈ ਅਤੇ ਮੇਰੀ ਚਿੱਠੀ ਦਾ ਕੋਈ ਜਵਾਬ ਨਹੀਂ ਆਇਆ।",
        "ਬੋਇਲਰ ਅਜੇ ਵੀ ਕੰਮ ਨਹੀਂ ਕਰਦਾ, ਇੰਜੀਨੀਅਰ ਦੋ ਵਾਰ ਆਇਆ ਸੀ।",
    ],
    "gujarati": [
        "બાથરૂમની લાઇટ બંધ થઈ ગઈ છે.",
        "તમે મારી પાસેથી બે વાર ભાડું લીધું છે અને મારા પત્રનો જવાબ નથી આપ્યો.",
        "નળ હજુ પણ ટપકે છે, પ્લમ્બર બે વાર આવ્યો હતો.",
    ],
    "somali": [
        "musqusha biyo ayaa ka daadanaya.",
        "kirada laba jeer ayaa lacag iga la qaaday, cidna kama jawaabin warqadahayga.",
        "kuleyliyaha weli ma shaqeynayo, injineerka ayaa laba jeer yimid.",
    ],
    "turkish": [
        "banyodaki aspiratör çalışmıyor.",
        "kirayı iki kez tahsil ettiniz ve mektuplarıma cevap vermiyorsunuz.",
        "musluk hâlâ damlıyor, tesisatçı iki kez geldi.",
        "yatak odasının duvarında küf var ve pencerenin camı çatladı.",
    ],
    "lithuanian": [
        "vonios kambaryje neveikia ventiliatorius.",
        "nuomos mokestį nuskaitėte du kartus, o į mano laiškus niekas neatsako.",
        "čiaupas vis dar varva, santechnikas buvo atėjęs du kartus.",
        "ant sienos atsirado pelėsis, o lange įskilo stiklas.",
    ],
    "farsi": [
        "هواکش حمام کار نمی‌کند.",
        "اجاره را دو بار از حساب من برداشتید و به نامه‌های من جواب نمی‌دهید.",
        "شیر آب هنوز چکه می‌کند، لوله‌کش دو بار آمد.",
    ],
    "chinese": [
        "浴室的排气扇坏了。",
        "你们多收了我两次房租，我的信件也没有人回复。",
        "水龙头还是在滴水，水管工已经来过两次了。",
    ],
    "tigrinya": [
        "ናይ ሽቓቕ ቧንቧ ይንጠብጠብ ኣሎ።",
        "ክራይ ክልተ ግዜ ከፊለ፣ ንደብዳበይ መልሲ ኣይሃብኩምን።",
        "ቦይለር ገና ኣይሰርሕን፣ ሰራሕተኛ ክልተ ግዜ መጺኡ።",
    ],
    "french": [
        "le ventilateur de la salle de bain ne marche plus.",
        "vous m'avez prélevé le loyer deux fois et personne ne répond à mes courriers.",
        "le robinet fuit toujours, le plombier est venu deux fois.",
    ],
    "italian": [
        "la luce del bagno non funziona più.",
        "mi avete addebitato l'affitto due volte e nessuno risponde alle mie lettere.",
        "il rubinetto gocciola ancora, l'idraulico è venuto due volte.",
    ],
    "russian": [
        "в ванной перестала работать вытяжка.",
        "с меня дважды списали арендную плату, и никто не отвечает на мои письма.",
        "кран всё ещё течёт, сантехник приходил уже два раза.",
        "на стене в спальне плесень, а в окне треснуло стекло.",
    ],
    "ukrainian": [
        "у ванній перестав працювати вентилятор.",
        "з мене двічі зняли орендну плату, і ніхто не відповідає на мої листи.",
        "кран досі тече, сантехнік приходив двічі.",
    ],
    "roman_hindi_urdu": [
        "bathroom ka nalka tapak raha hai.",
        "aapne do baar kiraya kaat liya, meri chithi ka koi jawab nahi.",
        "deewar pe seelan abhi bhi hai, mistri do baar aaya tha.",
    ],
}

# The system of each language's fault sentence (3: electrics, 1: plumbing).
EXPECT_FAULT = {"polish": 3, "romanian": 1, "portuguese": 1, "spanish": 3, "welsh": 3,
                "arabic": 3, "urdu": 3, "bengali": 3, "punjabi": 1, "gujarati": 3,
                "somali": 1, "turkish": 3, "lithuanian": 3, "farsi": 3, "chinese": 3,
                "tigrinya": 1, "french": 3, "italian": 3, "russian": 3, "ukrainian": 3,
                "roman_hindi_urdu": 1}


def test_ten_systems_in_the_english_order() -> None:
    assert len(rules_abroad.HOME_SYSTEMS_ABROAD) == len(rules_more.HOME_SYSTEMS) == 10
    assert set(rules_abroad.per_language(0)) == set(EXAMPLES) == set(GREETINGS)


@pytest.mark.parametrize("key", [*range(10), "other", "tied"])
def test_no_language_block_matches_nothing(key) -> None:
    for language, source in rules_abroad.per_language(key).items():
        assert re.compile(source).search("") is None, language


@pytest.mark.parametrize("language", sorted(GREETINGS))
def test_greetings_and_sign_offs_name_no_part_of_the_home(language: str) -> None:
    for greeting in GREETINGS[language]:
        assert not [s.pattern[:40] for s in SYSTEMS if s.search(greeting)], greeting
        assert not home_systems(greeting), greeting


@pytest.mark.parametrize("language", sorted(EXAMPLES))
def test_each_language_names_parts_other_matters_and_ties(language: str) -> None:
    fault, rent, tied = EXAMPLES[language][:3]
    assert EXPECT_FAULT[language] in home_systems(fault)
    assert OTHER.search(rent) and first_match(rules_more.OTHER_MATTER_ABROAD, rent)
    assert TIED.search(tied) and first_match(rules_more.TIED_ABROAD, tied)


@pytest.mark.parametrize(
    "sentence",
    [
        "i have been charged twice for my rent this month.",
        "i want to complain about the housing officer.",
        "the scale of the problem is getting worse and the personal impact on my family is huge.",
        "my first language is polish.",
    ],
)
def test_english_words_do_not_turn_into_parts_of_the_home(sentence: str) -> None:
    assert not home_systems(sentence)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Dzień dobry, od trzech miesięcy płacę wyższy czynsz, a nikt nie odpowiedział na mój list. "
         "Proszę o zwrot nadpłaty. Gniazdko w kuchni jest pęknięte i nie działa.", Label.COMPLAINT),
        ("Bună ziua, am fost taxată de două ori pentru chirie și nimeni nu mă sună înapoi. "
         "Robinetul din baie picură toată noaptea.", Label.COMPLAINT),
        ("Hola, la señora de la oficina fue muy grosera conmigo cuando pregunté por mi traslado. "
         "Quiero una disculpa. La ventana del salón no cierra.", Label.COMPLAINT),
        ("Merhaba, komşumun köpeği bütün gün havlıyor ve kimse bir şey yapmıyor. "
         "Mutfaktaki musluk damlıyor.", Label.ASB_REPORT),
    ],
)
def test_a_plain_new_fault_in_other_languages(text: str, category: Label) -> None:
    found = detect_also_service_request(FlagInput(text, None, category, None))
    assert found and found.startswith("plain")


@pytest.mark.parametrize(
    "text",
    [
        # the same system as the complaint: the repair complained of
        "Dzień dobry, zgłaszałam przeciekający kran trzy razy i nikt nie przyszedł. "
        "Woda cieknie spod zlewu.",
        # tied to the complaint: still leaking after the plumber came twice
        "Hola, me cobraron el alquiler dos veces y nadie contesta mis cartas. "
        "El grifo sigue goteando, el fontanero vino dos veces.",
    ],
)
def test_a_plain_fault_abroad_tied_to_the_complaint_is_not_new(text: str) -> None:
    assert detect_also_service_request(FlagInput(text, None, Label.COMPLAINT, None)) is None


def test_words_of_other_languages_are_not_looked_for_in_english() -> None:
    text = ("Hi, I was charged twice for my rent this month and nobody answers my letters. "
            "Gniazdko w kuchni jest pęknięte i nie działa.")
    found = detect_also_service_request(FlagInput(text, None, Label.COMPLAINT, None, "pl"))
    assert found and found.startswith("plain")
    assert detect_also_service_request(FlagInput(text, None, Label.COMPLAINT, None, "en")) is None
