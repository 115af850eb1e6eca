"""Parts of the home, other matters and tied-fault words in the residents' other languages.

The plain-fault rule (`triage.flags.plain_new_fault`) asks which parts of the home a fault's
sentence and the rest of the message name, whether the rest is about some other matter than a
repair, and whether the fault's sentence ties it to what the rest complains of. Its English words
are `HOME_SYSTEMS`, `OTHER_MATTER` and `TIED_FAULT` in `triage.rules_more`; these are the same in
Polish, Romanian, Portuguese, Spanish, Welsh, Arabic, Urdu, Bengali, Punjabi (Gurmukhi), Gujarati,
Somali, Turkish, Lithuanian, Farsi, Chinese, Tigrinya, French, Italian, Russian, Ukrainian and
romanised Hindi/Urdu, as regular-expression sources that `triage.rules_more` joins to the English:

  HOME_SYSTEMS_ABROAD  10 sources, in the order of the English systems (heating, plumbing,
                       damp/roof/structure, electrics, doors/windows, kitchen units, outside,
                       communal, alarms, floors)
  OTHER_MATTER_ABROAD  money, letters and records, staff conduct, applications, neighbours,
                       services
  TIED_ABROAD          still, again, reported, lasting weeks, caused by, their workers, the
                       neighbours; not "since yesterday" (a fault begun lately is new)

How the lists are written (one block per language, so that a speaker can check one at a time):
  * a block has one line per alternative (a line may itself hold "a|b|c"); lines are joined
    with "|";
  * Latin and Cyrillic blocks are matched as whole words: \\b(?:...)\\b, with stems for the
    inflected forms (`kaloryfer\\w*`);
  * Arabic-script, Bengali, Gurmukhi, Gujarati, Ethiopic and Chinese blocks are bare (\\b misreads
    their combining vowel signs), so they hold distinctive words; where a short word sits inside
    a common longer one a lookaround or the «» word marks keep it out (Farsi (?<!بر)نامه
    "letter", not برنامه "programme"; Arabic (?<![سش])باب "door", not أسباب "reasons");
  * bare blocks are folded for keyboard variants: Arabic/Farsi/Urdu yeh (ي ی ى), kaf (ك ک),
    heh (ه ہ), teh marbuta (ة ه), hamza-alef (أ إ ا); Bengali and Gurmukhi nukta letters
    (য় ড় ঢ়, ਸ਼ ਜ਼ ਫ਼ ਖ਼ ਗ਼ ਲ਼) in both their one-character and two-character spellings;
  * words that are also common English words are left out or limited (Italian "water" = WC,
    French "four" = oven, Polish "wanna" = bath only in its inflected forms), since the lists are
    run over English messages too;
  * the text is lower-cased before matching.
"""

from __future__ import annotations

import unicodedata

# ---------------------------------------------------------------------------------------------
# From blocks to patterns
# ---------------------------------------------------------------------------------------------

_FOLD = {
    "ي": "يیى", "ی": "یيى", "ى": "ىيی",
    "ك": "كک", "ک": "کك",
    "ه": "هہ", "ہ": "ہه",
    "ة": "ةه",
    "أ": "أا", "إ": "إا",
}
# Letters with a nukta that have a precomposed code point (excluded from NFC composition).
_NUKTA = ("\u09dc", "\u09dd", "\u09df",                      # Bengali ড় ঢ় য়
          "\u0a59", "\u0a5a", "\u0a5b", "\u0a5e", "\u0a33", "\u0a36")  # Gurmukhi ਖ਼ ਗ਼ ਜ਼ ਫ਼ ਲ਼ ਸ਼


def _fold(pattern: str) -> str:
    """Spread keyboard variants of Arabic-script letters and nukta letters over a bare pattern."""
    for composed in _NUKTA:
        pattern = pattern.replace(unicodedata.normalize("NFD", composed), composed)
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            out.append(ch)
            escaped = True
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            continue
        if ch == "]" and in_class:
            in_class = False
            out.append(ch)
            continue
        if ch in _FOLD:
            out.append(_FOLD[ch] if in_class else "[" + _FOLD[ch] + "]")
        elif ch in _NUKTA:
            assert not in_class, pattern
            out.append("(?:" + ch + "|" + unicodedata.normalize("NFD", ch) + ")")
        else:
            out.append(ch)
    return "".join(out)


def _lines(block: str) -> str:
    """A block's lines as one alternation."""
    return "|".join(line.strip() for line in block.strip().splitlines() if line.strip())


def _latin(block: str) -> str:
    """A Latin or Cyrillic block, matched as whole words."""
    return r"\b(?:" + _lines(block) + r")\b"


# «word» : not preceded/followed by an Arabic-script, Bengali, Gurmukhi or Gujarati letter or mark
# (a hand-made word boundary for short bare words; \b is not used on these scripts).
_LETTERS = r"\u0620-\u065f\u066e-\u06d3\u06d5\u0670\u06fa-\u06ff\u0980-\u0aff"
_WB_BEFORE, _WB_AFTER = "(?<![" + _LETTERS + "])", "(?![" + _LETTERS + "])"


def _bare(block: str) -> str:
    """A block of another script: folded, with its «» word marks made lookarounds."""
    return _fold(_lines(block)).replace("«", _WB_BEFORE).replace("»", _WB_AFTER)


KEYS = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, "other", "tied")
LANGS: dict[str, tuple[str, dict]] = {}

# ---------------------------------------------------------------------------------------------
# Polish
# ---------------------------------------------------------------------------------------------
LANGS["polish"] = ("latin", {
    0: r"""
        kaloryfer\w*|grzejnik\w*|grzej\w*|grzani\w*|ogrzew\w*
        piec|pieca|piecem|piecu|piecyk\w*|kocio[łl]|kot[łl](?:a|em|e|owni\w*)
        ciep[łl]\w* wod\w*|termostat\w*|zaw[oó]r|zawor\w*|gaz|gazu|gazem|gazow\w*|junkers\w*
    """,
    1: r"""
        kran|kranu|kranem|kranie|krany|kranik\w*|bateri\w* (?:umywalkow|wannow|kuchenn|prysznicow)\w*
        toalet\w*|sedes\w*|ubikacj\w*|muszl\w*|sp[łl]uczk\w*|prysznic\w*|brodzik\w*
        wann(?!a\b)\w*|zlew\w*|umywalk\w*|rura|rury|rur[ęe]|rurze|rur[ąa]|rur|rurami|rurach|rurk\w*
        odp[łl]yw\w*|ciekn\w*|przeciek\w*|przecieka\w*|wyciek\w*|kapie|kapi[ąa]\w*|hydraulik\w*
        kanalizacj\w*|pralk\w*|zatkan\w*|zapchan\w*|syfon\w*|kibel\w*|kibl\w*
    """,
    2: r"""
        wilgo\w*|ple[śs][ńn]\w*|ple[śs]ni\w*|grzyb\w*|skropl\w*|kondensacj\w*|sufit\w*
        [śs]cian\w*|tynk\w*|dach|dachu|dachem|dachy|dach[óo]w\w*|pokryci\w* dach\w*|rynn\w*|rynien
        zaciek\w*|zawilg\w*|plam[aey]|plam|plamami|komin\w*|strych\w*|poddasz\w*|izolacj\w*
        ocieplen\w*|p[ęe]kni[ęe]\w*|p[ęe]kaj\w*|rys[ay] na \w+|elewacj\w*|dach[óo]wk\w*
    """,
    3: r"""
        gniazd\w*|kontakt(?:ie|y) w \w+|wy[łl][ąa]cznik\w*|[śs]wiat[łl]\w*|o[śs]wietleni\w*
        [żz]ar[óo]wk\w*|lamp[aey]|lampk\w*|wentylator\w*|wentylacj\w*|okap\w*|elektry\w*
        pr[ąa]d|pr[ąa]du|pr[ąa]dem|bezpiecznik\w*|korki wywal\w*|okablowani\w*|kabl\w*|kabel
        napi[ęe]ci\w*|skrzynk\w* elektry\w*|licznik\w* pr[ąa]du
    """,
    4: r"""
        drzwi\w*|okn\w*|okien|okienk\w*|zamek|zamka|zamku|zamki|zamkiem|zamk[óo]w|zamkach|wk[łl]adk\w*
        klamk\w*|zawias\w*|szyba|szyby|szyb[ęe]|szybie|szyb[ąa]|szyb|framug\w*|futryn\w*
        klucz\w*|skrzynk\w* (?:na listy|pocztow\w*)|uszczel\w*|zatrzask\w*|zasuw\w*|rygl\w*|parapet\w*
    """,
    5: r"""
        kuchenk\w*|piekarnik\w*|p[łl]yt\w* (?:grzewcz|indukcyjn|gazow|elektryczn|ceramiczn)\w*
        blat\w*|szafk\w*|szuflad\w*|mebl\w* kuchenn\w*|zabudow\w* kuchenn\w*
    """,
    6: r"""
        p[łl]ot\w*|ogrodzeni\w*|furtk\w*|bram\w*|[śs]cie[żz]k\w*|chodnik\w*|szop\w*|kom[óo]rk\w* na
        ogr[óo]d\w*|ogrodz\w*|[żz]ywop[łl]ot\w*|traw\w*|drzew\w*|[śs]mietnik\w*|[śs]mieci
        pojemnik\w* na [śs]mieci|kontener\w*|zsyp\w*|[łl]awk\w*|podw[óo]r\w*|altan\w*
    """,
    7: r"""
        winda|windy|windzie|wind[ęe]|wind[ąa]|domofon\w*|wideodomofon\w*|klatk\w*|klatce
        schod(?!z)\w*|por[ęe]cz\w*|korytarz\w*|monitoring\w*|kamer\w*|cz[ęe][śs]ci wsp[óo]ln\w*
        piwnic\w*|pó[łl]pi[ęe]tr\w*|brelok\w*
    """,
    8: r"""
        alarm\w*|czujnik\w*|czujk\w*|dym|dymu|dymem|dymow\w*|czad|czadu|tlenk\w* w[ęe]gla
        tryskacz\w*|detektor\w*
    """,
    9: r"""
        pod[łl]og\w*|pod[łl]odze|dywan\w*|wyk[łl]adzin\w*|linoleum|panel[ei]|panelach|parkiet\w*
        posadzk\w*|listw\w* przypod\w*|listw\w*|deski pod[łl]ogow\w*
    """,
    "other": r"""
        czynsz\w*|op[łl]at\w*|nale[żz]no[śs]\w*|zwrot\w*|zaleg[łl]\w*|rachun\w*|faktur\w*|nadp[łl]at\w*
        pism\w*|listu|listem|li[śs]cie|wyci[ąa]g\w* z konta|konto|konta|koncie|kontem|adres\w*
        zamian\w*|przeprowadz\w*|wnios\w*|list\w* oczekuj\w*|rejestr\w*|pracowni\w*|urz[ęe]dni\w*
        niegrzeczn\w*|nieuprzejm\w*|chamsk\w*|arogan\w*|krzycz\w*|krzyk\w*|obrazi\w*|infolini\w*
        rozłączy\w*|roz[łl][ąa]czy\w*|czeka\w* na linii|s[ąa]siad\w*|s[ąa]siedz\w*|ha[łl]as\w*
        muzyk\w*|pies|psa|psem|psy|ps[óo]w|psami|narkotyk\w*|parkow\w*|parking\w*|sprz[ąa]ta\w*
        dozorc\w*|gospodarz\w* domu|administrator\w*|odszkodowani\w*|rekompensat\w*|przepros\w*
        ankiet\w*
    """,
    "tied": r"""
        nadal|wci[ąa][żz]|ci[ąa]gle|dalej|znowu|zn[óo]w|ponownie|ju[żz](?! nie)
        zg[łl]asza\w*|zg[łl]osi\w*|zg[łl]oszen\w*|m[óo]wi[łl]\w*|informowa[łl]\w*
        (?:\d+|kilka|kilku|par[ęe]|paru|dwa|dw[óo]ch|trzy|trzech|cztery|pi[ęe][ćc]|wiele|wielu) (?:tygodni\w*|miesi[ęe]c\w*|lat|lata|rok\w*)
        od (?:tygodni|miesi[ęe]cy|lat|dawna|d[łl]u[żz]szego czasu)
        (?:drugi|trzeci|czwarty|kolejny|kt[óo]ry[śs]) raz
        bo|poniewa[żz]|z powodu|spowodow\w*|przez to|przez nich|wr[óo]ci[łl][oay]?|wr[óo]ci[łl]y|pojawi[łl]\w* si[ęe] znowu
        fachow\w*|hydraulik\w*|elektryk\w*|technik\w*|robotni\w*|wykonawc\w*|ekip\w*|monter\w*
        naprawi\w*|naprawion\w*|wymieni\w*|wymienion\w*|zamontow\w*|zainstalow\w*|za[łl]o[żz]y\w*
        s[ąa]siad\w*|z mieszkania (?:obok|wy[żz]ej|ni[żz]ej|nad nami|nad|pod nami)|z g[óo]ry od
        samoch[óo]d\w*|samochod\w*|auto|auta|autem|tak samo|to samo|ten sam\w*|gorzej|gorsz\w*
        szczur\w*|mysz\w*|karaluch\w*|prusak\w*
    """,
})

# ---------------------------------------------------------------------------------------------
# Romanian
# ---------------------------------------------------------------------------------------------
LANGS["romanian"] = ("latin", {
    0: r"""
        calorifer\w*|radiator\w*|centrala|central[aă]|centralei|centralele|central[aă] termic[aă]|[iî]nc[aă]lzir\w*
        ap[aă] cald[aă]|apei calde|termostat\w*|gaz|gazul|gazului|gaze|valv\w*|boiler\w*|termoficare
    """,
    1: r"""
        robinet\w*|toalet\w*|wc|closet\w*|rezervor\w*|bazin\w* (?:de la )?wc|du[șş]|du[șş]ul\w*
        cabin\w* de du[șş]|cad[aă] de baie|cadă|c[aă]zii|cadei|chiuvet\w*|lavoar\w*|[țţt]eav\w*|[țţt]evi\w*
        scurger\w*|curge|picur\w*|instala[țţt]i\w* sanitar\w*|instalator\w*|canalizar\w*
        ma[șş]in\w* de sp[aă]lat|sifon\w*|[îi]nfundat\w*|colector\w*
    """,
    2: r"""
        umezeal[aă]\w*|umed\w*|mucegai\w*|igrasie\w*|condens\w*|tavan\w*|pere[tțţ]\w*|tencuial\w*
        acoperi[șş]\w*|jgheab\w*|burlan\w*|[țţt]igl\w*|infiltra[țţt]\w*|pat[aă]|petele|hornul\w*
        izola[țţt]\w*|fisur\w*|cr[aă]p[aă]tur\w*|pod(?:ul|ului) casei|mansard\w*
    """,
    3: r"""
        priz\w*|[îi]ntrerup[aă]tor\w*|lumin\w*|bec|becul|becuri\w*|ventilator\w*|hot[aă]|hota
        electric\w*|curentul|curent electric|pan[aă] de curent|nu (?:mai )?(?:avem|am|este|e) curent|f[aă]r[aă] curent|siguran[țţt]ele|tablou\w* electric
        cablu|cabluri\w*|cablaj\w*|lamp[aă]\w*|lampa
    """,
    4: r"""
        u[șş]a|u[șş][aă]|u[șş]i|u[șş]ile|u[șş]ii|usa|usi|usile|fereastr\w*|ferestr\w*|geam\w*
        yal[aă]|yala|yale|broasc\w*|[îi]ncuietoar\w*|m[aâ]ner\w*|balama\w*|cheie|chei|cheia|cheile
        cutia po[șş]tal\w*|sticl\w*|termopan\w*|z[aă]vor\w*|garnitur\w* (?:de la|la) (?:u[șş]|geam|fereastr)\w*
        toc\w* (?:u[șş]ii|ferestrei|de la u[șş][aă])
    """,
    5: r"""
        aragaz\w*|cuptor\w*|plit[aă]|plita|plitei|blat\w*|dulap\w*|sertar\w*|mobil[aă] de buc[aă]t[aă]rie
    """,
    6: r"""
        gard|gardul\w*|garduri\w*|poart[aă]|poarta|por[țţt]ii|alee|aleea|aleile|trotuar\w*|[șş]opron\w*
        gr[aă]din\w*|gard viu|iarb[aă]|iarba|gazon\w*|copac\w*|pomi|arbor\w*|pubel\w*|tomberon\w*
        gunoi\w*|ghen[aă]|ghena|curte|curtea|cur[țţt]ii
    """,
    7: r"""
        lift|liftul\w*|lifturi\w*|ascensor\w*|interfon\w*|scara|scar[aă]|sc[aă]ri\w*|sc[aă]rile|balustrad\w*|hol|holul\w*
        palier\w*|coridor\w*|camer\w* de supraveghere|supraveghere video|spa[țţt]ii comune|casa sc[aă]rii
    """,
    8: r"""
        alarm\w*|detector\w*|senzor\w*|fum|fumul|monoxid\w*|sprinkler\w*
    """,
    9: r"""
        podea\w*|podele\w*|pardoseal\w*|du[șş]umea\w*|covor\w*|mochet\w*|linoleum|parchet\w*|gresie\w*
        plint\w*
    """,
    "other": r"""
        chiri\w*|tax[aăe]\w*|plat[aă]|plata|pl[aă][țţt]i\w*|pl[aă]tit\w*|ramburs\w*|restan[țţt]\w*
        datori\w*|factur\w*|scrisoar\w*|scrisori\w*|extras\w*|cont|contul|contului|adres\w*
        mutar\w*|transfer\w*|cerer\w*|list\w* de a[șş]teptare|personalul\w*|func[țţt]ionar\w*|angaja[țţt]\w*
        nepoliticos\w*|obraznic\w*|nesim[țţt]i\w*|[țţ]ip\w*|r[aă]st\w*|call center|linia telefonic[aă]
        a [îi]nchis telefonul|vecin\w*|zgomot\w*|g[aă]l[aă]gie|muzic\w*|c[aâ]ine|c[aâ]ini|c[aâ]inele|c[aâ]inii
        droguri\w*|drog|parcar\w*|parcat\w*|cur[aă][țţt]eni\w*|administrator\w*|desp[aă]gubir\w*
        compensa[țţt]i\w*|scuzele|scuze oficiale|nicio scuz[aă]|[îi]ntre[țţt]inere\w*
    """,
    "tied": r"""
        [îi]nc[aă](?! (?:ceva|o |un |una))|tot nu|din nou|iar[aă][șş]i|deja
        raportat\w*|am raportat|semnalat\w*|am anun[țţt]at|v-am spus|v-am anun[țţt]at
        (?:\d+|c[aâ]teva|c[aâ][țţt]iva|dou[aă]|doi|trei|patru|multe|mul[țţt]i) (?:s[aă]pt[aă]m[aâ]n\w*|luni|ani)
        de (?:s[aă]pt[aă]m[aâ]ni|ani|mult timp|mult)
        a doua oar[aă]|a treia oar[aă]|pentru c[aă]|deoarece|din cauza|cauzat\w*|din pricina
        a revenit|revenit\w*|reap[aă]rut\w*|instalator\w*|electrician\w*|tehnician\w*|muncitor\w*
        meseria[șş]\w*|constructor\w*|antreprenor\w*|echip[aă]|echipa|montat\w*|instalat\w*
        [îi]nlocuit\w*|reparat\w*|schimbat\w*|vecin\w*|de (?:la )?sus|de deasupra|de la etajul de sus
        ma[șş]in(?:a|ă|ii|i|ile|ilor)(?! de sp[aă]lat)|autoturism\w*|acela[șş]i|aceea[șş]i|la fel
        mai r[aă]u|[îi]nr[aă]ut[aă][țţt]\w*|[șş]obolan\w*|[șş]oareci|g[aâ]ndaci
    """,
})

# ---------------------------------------------------------------------------------------------
# Portuguese
# ---------------------------------------------------------------------------------------------
LANGS["portuguese"] = ("latin", {
    0: r"""
        aquecimento\w*|aquecedor\w*|caldeira\w*|radiador\w*|[aá]gua quente|termostato\w*|g[aá]s
        v[aá]lvula\w*|esquentador\w*|cilindro\w*
    """,
    1: r"""
        torneira\w*|sanita\w*|vaso sanit[aá]rio|autoclismo\w*|descarga\w*|chuveiro\w*|duche\w*
        banheira\w*|lavat[oó]rio\w*|pia|pias|cano|canos|canaliza[çc]\w*|tubo|tubos|tubagem
        fuga|fugas|vazamento\w*|vaza|vazando|vazou|pinga\w*|ralo\w*|esgoto\w*|entupid\w*|entupi\w*
        m[aá]quina de lavar|encanador\w*|canalizador\w*|base de duche
    """,
    2: r"""
        humidade\w*|umidade\w*|h?[úu]mid[oa]s?|mofo\w*|bolor\w*|condensa[çc][aã]o|teto|tecto|tetos|tectos
        parede\w*|reboco\w*|telhado\w*|calha\w*|algeroz\w*|telha\w*|infiltra[çc]\w*|mancha\w*
        chamin[ée]\w*|s[óo]t[aã]o|isolamento\w*|rachadura\w*|racha|rachas|fissura\w*|bolhas na parede
    """,
    3: r"""
        tomada\w*|interruptor\w*|luz|luzes|l[aâ]mpada\w*|ilumina[çc][aã]o|ventoinha\w*|ventilador\w*
        exaustor\w*|el[ée]c?tric\w*|eletricidade|electricidade|fus[íi]ve\w*|disjuntor\w*|quadro el[ée]c?trico
        cablagem|fia[çc][aã]o|sem energia|falta de energia|corte de energia|curto.circuito
    """,
    4: r"""
        porta|portas|janela\w*|fechadura\w*|ma[çc]aneta\w*|puxador\w*|dobradi[çc]a\w*|trinco\w*
        vidro\w*|caixilho\w*|caixilharia\w*|chave|chaves|caixa de correio|vidros duplos|ferrolho\w*
        estore\w*|persiana\w*|batente\w*
    """,
    5: r"""
        fog[aã]o|fog[õo]es|forno|fornos|placa (?:de indu[çc][aã]o|vitrocer[aâ]mica|el[ée]c?trica)|bancada\w*
        arm[aá]rio\w*|gaveta\w*|m[óo]veis de cozinha|exaustor da cozinha
    """,
    6: r"""
        veda[çc][aã]o|veda[çc][õo]es|port[aã]o|port[õo]es|cal[çc]ada\w*|passeio|barrac[aã]o|arrecada[çc][aã]o
        jardi\w*|sebe\w*|relva|gramado|[áa]rvore\w*|lixo|caixote\w* do lixo|contentor\w*|lixeira\w*
        ecoponto\w*|quintal\w*|p[aá]tio
    """,
    7: r"""
        elevador\w*|intercomunicador\w*|interfone\w*|campainha\w*|escada\w*|corrim[aã]o\w*|patamar\w*
        corredor\w*|c[aâ]maras? de vigil[aâ]ncia|câmeras?|c[aâ]meras? de (?:seguran[çc]a|vigil[aâ]ncia)|videovigil[aâ]ncia|[áa]reas comuns|partes comuns
        hall de entrada
    """,
    8: r"""
        alarme\w*|dete(?:c)?tor\w*|sensor\w*|fumo|fuma[çc]a|mon[óo]xido|aspersor\w*
    """,
    9: r"""
        ch[aã]o|soalho\w*|pavimento\w*|carpete\w*|alcatifa\w*|tapete\w*|lin[óo]leo|vinil\w*
        rodap[ée]\w*|parquet\w*|ladrilho\w*|flutuante
    """,
    "other": r"""
        renda|rendas|aluguel|alugu[eé]is|aluguer|cobran[çc]a\w*|cobrad\w*|cobraram|taxa\w*|reembols\w*
        d[íi]vida\w*|em atraso|atrasad\w*|fatura\w*|factura\w*|carta|cartas|extrato|extratos|extracto|extractos
        morada|endere[çc]o\w*|transfer[êe]ncia\w*|mudan[çc]a de casa|candidatura\w*|inscri[çc][aã]o
        lista de espera|funcion[áa]ri\w*|pessoal|atendente\w*|mal.educad\w*|malcriad\w*|grosseir\w*
        grit[aeoóáé]\w*|linha de apoio|central de atendimento|em espera|desligaram|vizinh\w*|barulho\w*|ru[íi]do\w*
        m[úu]sica\w*|c[aã]o|c[aã]es|cachorro\w*|droga\w*|estacionamento\w*|estacionar|limpeza\w*
        zelador\w*|porteiro\w*|indemniza[çc]\w*|indeniza[çc]\w*|compensa[çc]\w*|pedido de desculpas|pediram desculpa|condom[íi]nio\w*
    """,
    "tied": r"""
        ainda|de novo|novamente|outra vez|j[aá](?! n[aã]o)|reportei|reportad\w*|comuniquei|avisei
        informei|eu disse|j[aá] disse|participei
        (?:\d+|h[aá]|v[aá]rias|v[aá]rios|duas|dois|tr[êe]s|quatro|muitas|muitos) (?:semanas|meses|anos)
        (?:pela )?(?:segunda|terceira) vez|porque|por causa|devido|causad\w*|provocad\w*
        voltou|voltaram|regressou|reapareceu|t[ée]cnico\w*|canalizador\w*|encanador\w*|ele(?:c)?tricista\w*
        oper[áa]rio\w*|empreiteiro\w*|trabalhadores|instalad\w*|colocad\w*|substitu[íi]d\w*|trocad\w*
        reparad\w*|consertad\w*|arranjad\w*|vizinh\w*|do andar de cima|de cima|carro\w*|viatura\w*
        o mesmo|a mesma|pior|piorou|ratos|ratazana\w*|baratas|pragas
    """,
})

# ---------------------------------------------------------------------------------------------
# Spanish
# ---------------------------------------------------------------------------------------------
LANGS["spanish"] = ("latin", {
    0: r"""
        calefacci[oó]n|caldera\w*|radiador\w*|agua caliente|termostato\w*|gas|v[aá]lvula\w*
        calentador\w*|termo|estufa\w*|calefactor\w*
    """,
    1: r"""
        grifo\w*|inodoro\w*|v[aá]ter\w*|ba[ñn]era\w*|cisterna\w*|ducha\w*|plato de ducha|lavabo\w*
        fregadero\w*|tuber[íi]a\w*|tubo|tubos|ca[ñn]er[íi]a\w*|fuga|fugas|gote\w*|desag[üu]e\w*
        atascad\w*|atasco\w*|lavadora\w*|fontaner\w*|sif[oó]n\w*
    """,
    2: r"""
        humedad\w*|h[úu]med[oa]s?|moho\w*|hongos|condensaci[oó]n|techo\w*|pared\w*|yeso|enlucido
        tejado\w*|canal[oó]n\w*|teja|tejas|gotera\w*|mancha\w*|chimenea\w*|desv[aá]n|[áa]tico
        aislamiento|grieta\w*|filtraci[oó]n\w*|azotea\w*|cubierta del edificio
    """,
    3: r"""
        enchufe\w*|interruptor\w*|luz|luces|bombilla\w*|foco|focos|iluminaci[oó]n|ventilador\w*
        extractor\w*|el[ée]ctric\w*|electricidad|fusible\w*|diferencial|cableado\w*|cables
        sin corriente|la corriente|plomos|cuadro el[ée]ctrico|apag[oó]n\w*|l[aá]mpara\w*
    """,
    4: r"""
        puerta\w*|ventana\w*|cerradura\w*|manilla\w*|pomo\w*|picaporte\w*|manija\w*|bisagra\w*
        pestillo\w*|cristal\w*|vidrio\w*|llave|llaves|buz[oó]n\w*|acristalamiento|cerrojo\w*|persiana\w*
        bombín|marco de la (?:puerta|ventana)
    """,
    5: r"""
        horno\w*|vitrocer[aá]mica\w*|placa de inducci[oó]n|fog[oó]n|fogones|encimera\w*|armario\w*
        caj[oó]n|cajones|muebles de cocina|alacena\w*|campana de la cocina
    """,
    6: r"""
        valla\w*|verja\w*|port[oó]n|portones|sendero\w*|acera\w*|cobertizo\w*|caseta\w*|jard[íi]n\w*
        seto\w*|c[ée]sped|hierba|[áa]rbol\w*|basura\w*|contenedor\w*|cubo\w* de (?:la )?basura|patio\w*
        cancela\w*
    """,
    7: r"""
        ascensor\w*|portero autom[aá]tico|portero electr[oó]nico|interfono\w*|telefonillo\w*|timbre\w*
        escalera\w*|pasamanos|barandilla\w*|rellano\w*|pasillo\w*|c[aá]maras? de (?:seguridad|vigilancia)
        zonas comunes|zonas comunitarias|vest[íi]bulo|descansillo\w*
    """,
    8: r"""
        alarma\w*|detector\w*|sensor\w*|humo|mon[oó]xido|rociador\w*
    """,
    9: r"""
        suelo\w*|moqueta\w*|alfombra\w*|lin[oó]leo|vinilo\w*|z[oó]calo\w*|parquet|tarima\w*|baldosa\w*
        rodapi[ée]\w*|pavimento\w*
    """,
    "other": r"""
        alquiler\w*|cargo\w*|cobr(?:o|os|ado|ada|aron|ando|an)|tasa\w*|reembols\w*|devoluci[oó]n\w*
        deuda\w*|atrasos|factura\w*|recibo\w*|carta|cartas|extracto|extractos|extracto bancario|cuenta|cuentas|direcci[oó]n
        traslado\w*|mudanza\w*|permuta\w*|solicitud\w*|lista de espera|empleado\w*
        funcionari\w*|maleducad\w*|grosero\w*|groser[íi]a\w*|de malas maneras|grit[aeoóáé]\w*
        atenci[oó]n al cliente|centralita|en espera|me colgaron|colg[oó]|vecin\w*|ruido\w*|m[úu]sica\w*
        perro\w*|droga\w*|aparcamiento\w*|estacionamiento\w*|aparcar|limpieza\w*|conserje\w*|portero(?! autom| electr)
        indemnizaci[oó]n\w*|compensaci[oó]n\w*|una disculpa|pidieron disculpas|ni una disculpa|gastos de comunidad|cuota de comunidad|encuesta\w*
    """,
    "tied": r"""
        todav[íi]a|a[úu]n|sigue|siguen|otra vez|de nuevo|nuevamente
        ya (?:lo|la|les|le|se|hab\w*|he|hemos|han|ha|vin\w*|van|lleva\w*|report\w*|avis\w*|llam\w*|dije|hice)
        report[ée]\w*|avis[ée]|avisamos|comuniqu[ée]|inform[ée]|les dije|se lo dije
        (?:\d+|varias|varios|dos|tres|cuatro|muchas|muchos|hace) (?:semanas|meses|a[ñn]os)
        (?:segunda|tercera) vez|porque|por culpa|debido|causad\w*|provocad\w*|a causa
        volvi[oó]|ha vuelto|han vuelto|reapareci\w*|t[ée]cnico\w*|fontaner\w*|electricista\w*|operario\w*
        contratista\w*|obrero\w*|alba[ñn]il\w*|instalad\w*|colocad\w*|sustitu[íi]d\w*|cambiad\w*
        reparad\w*|arreglad\w*|vecin\w*|de arriba|de al lado|de abajo|coche\w*|veh[íi]culo\w*
        el mismo|la misma|peor|empeor\w*|ratas|ratones|cucarachas|plagas
    """,
})

# ---------------------------------------------------------------------------------------------
# Welsh (soft/nasal/aspirate mutations listed where common)
# ---------------------------------------------------------------------------------------------
LANGS["welsh"] = ("latin", {
    0: r"""
        gwres|gwresogi|gwresogydd\w*|wresogydd\w*|wres canolog|(?:r|rh)eiddiadur\w*|boeler|foeler
        d[ŵw]r poeth|nwy|thermostat
    """,
    1: r"""
        tapiau|toiled\w*|doiled\w*|nhoiled\w*|t[ŷy] bach|cawod\w*|gawod\w*|sinc|basn|(?:p|b|mh)ibell\w*
        (?:g)?ollwng|diferu|draen\w*|peiriant golchi|carthffos\w*
    """,
    2: r"""
        (?:ll|l)eithder|(?:ll|l)aith|(?:ll|l)wydni|anwedd|nenfwd|wal|waliau|mur|muriau|plastr
        teils|(?:ll|l)echi|(?:c|g|ngh)afn\w*|simnai|simneiau|atig|inswleiddio|inswleiddiad|staen\w*
    """,
    3: r"""
        soced\w*|switsh\w*|golau|goleuadau|olau|goleuo|bylb\w*|ffan|ffaniau|(?:t|d|nh)rydan\w*
        ffiws\w*|(?:g|ng)?wifr\w*
    """,
    4: r"""
        drws|ddrws|nrws|drysau|ddrysau|ffenest\w*|clo|cloeon|colfach\w*|(?:g)?wydr|allwedd\w*|ffr[âa]m
        blwch llythyrau
    """,
    5: r"""
        (?:p|b|mh)opty\w*|(?:c|g|ngh)wpwrdd|(?:c|g|ngh)ypyrddau|dr[ôo]r\w*
    """,
    6: r"""
        ffens\w*|gi[âa]t|g[âa]t|(?:ll|l)wybr\w*|sied|gardd|ngardd|gwrych|wrych|glaswellt|laswellt|gwair
        coeden|goeden|coed|sbwriel
    """,
    7: r"""
        lifft\w*|grisiau|risiau|canllaw\w*|coridor\w*|cyntedd|gyntedd|mannau cymunedol
    """,
    8: r"""
        larwm|larymau|synhwyrydd\w*|mwg
    """,
    9: r"""
        llawr|lloriau|carped\w*|garped\w*|linoliwm
    """,
    "other": r"""
        rhent|nhent|t[âa]l|dâl|taliad\w*|ffi|ffioedd|ad-daliad|ad-dalu|[ôo]l-ddyledion|dyled\w*|bil|biliau
        (?:ll|l)ythyr\w*|cyfrif|gyfrif|cyfeiriad|trosglwyddo|cais|gais|rhestr aros|swyddog\w*
        anghwrtais|anfoesgar|gweiddi|weiddi|ffonio|cymydog|cymdogion|s[ŵw]n|cerddoriaeth|c[ŵw]n
        cyffuriau|parcio|glanhau|gofalwr|iawndal|t[âa]l gwasanaeth
    """,
    "tied": r"""
        o hyd|yn dal|eto|yn barod|eisoes|wedi adrodd|adroddais|wedi dweud|wedi rhoi gwybod
        (?:\d+|sawl|dwy|tair|dau|tri|pedair) (?:wythnos\w*|mis|misoedd|blynedd\w*|mlynedd\w*)
        ail dro|trydydd tro|achos|oherwydd|oblegid|wedi dod yn [ôo]l|peiriannydd|plymwr|trydanwr
        contractwr\w*|gweithwyr|wedi gosod|gosodwyd|trwsio|trwsiwyd|atgyweiri\w*|cymydog\w*|cymdogion
        drws nesaf|lan llofft|i fyny'r grisiau|ceir|gwaeth|llygod
    """,
})

# ---------------------------------------------------------------------------------------------
# Arabic
# ---------------------------------------------------------------------------------------------
LANGS["arabic"] = ("bare", {
    0: r"""
        تدفئة|التدفئة|سخان|السخان|غلاية|الغلاية|المرجل|بويلر|رادياتير|رادييتر|مدفأة|المدفأة|دفاية
        ماء ساخن|الماء الساخن|مياه ساخنة|المياه الساخنة|ترموستات|غاز|صمام
    """,
    1: r"""
        حنفية|الحنفية|صنبور|مرحاض|المرحاض|التواليت|تواليت|سيفون|السيفون|الدش|الدوش|دش الحمام|مغسلة
        المغسلة|مجلى|المجلى|حوض|البانيو|بانيو|أنابيب|أنبوب|ماسورة|مواسير|المواسير|تسرب|تسريب|يتسرب
        تنقيط|يقطر|تقطر|الصرف الصحي|المجاري|مجاري|انسداد|مسدود|سباك|السباك|غسالة|الغسالة|بالوعة
    """,
    2: r"""
        رطوبة|الرطوبة|عفن|العفن|فطريات|تكثف|سقف|السقف|جدار|الجدار|جدران|الجدران|حائط|الحائط|حيطان
        الحيطان|جبس|الجبس|سطح المبنى|السطح|مزراب|مزاريب|المزراب|قرميد|بقع|بقعة|مدخنة|المدخنة|العلية
        عزل|شقوق|تشقق|تشققات|طلاء متقشر
    """,
    3: r"""
        مقبس|مقابس|بريزة|بريزه|الفيش|مفتاح الإضاءة|مفتاح الكهرباء|مفاتيح الكهرباء|مفتاح النور|ضوء|أضواء
        إضاءة|اضاءة|الإضاءة|لمبة|لمبات|مصباح|مصابيح|مروحة|شفاط|الشفاط|كهربا|فيوز|فيوزات|أسلاك|اسلاك
        الأسلاك|قاطع الكهرباء
    """,
    4: r"""
        (?<![سشلك])باب(?![تا])|أبواب|ابواب|الأبواب|نافذة|النافذة|نوافذ|النوافذ|شباك|الشباك|شبابيك|قفل|القفل|أقفال
        مقبض|مقابض|مفصلات|مفصلة|زجاج|الزجاج|مفتاح|مفاتيح|المفتاح|صندوق البريد|ترباس|مزلاج|إطار النافذة
        إطار الباب
    """,
    5: r"""
        فرن(?![سي])|الفرن|طباخ|الطباخ|بوتاجاز|البوتاجاز|موقد|الموقد|خزانة المطبخ|خزائن|دولاب|دواليب
        أدراج|ادراج|جارور|الجارور|سطح العمل|خزانات المطبخ
    """,
    6: r"""
        سياج|السياج|بوابة|البوابة|رصيف|الرصيف|حديقة|الحديقة|حدائق|عشب|العشب|شجرة|الشجرة|أشجار
        اشجار|الأشجار|القمامة|قمامة|النفايات|نفايات|الزبالة|زبالة|حاوية|حاويات|مقعد|السور الخارجي
    """,
    7: r"""
        مصعد|المصعد|انتركم|الانتركم|الإنتركم|جرس الباب|السلالم|سلالم|الدرج|درابزين|الدرابزين
        ممر العمارة|ممر البناية|الممر|الممرات|ممرات|كاميرا|كاميرات|المراقبة|المدخل|الأماكن المشتركة|المناطق المشتركة|الردهة
    """,
    8: r"""
        جهاز الإنذار|إنذار الحريق|انذار الحريق|جرس الإنذار|إنذار الدخان|كاشف|حساس الدخان|دخان|الدخان
        أول أكسيد الكربون|رشاشات
    """,
    9: r"""
        أرضية|ارضية|الأرضية|الارضية|السجاد|سجادة|الموكيت|موكيت|الموكيت|مشمع|فينيل|باركيه|بلاط|البلاط
    """,
    "other": r"""
        إيجار|ايجار|الإيجار|الايجار|أجرة|الأجرة|رسوم|استرداد|استرجاع المبلغ|متأخرات|ديون|فاتورة|فواتير
        رسالة|رسائل|خطاب|كشف حساب|حسابي|العنوان|عنواني|عنوان السكن|طلب نقل|الانتقال|انتقال|طلب سكن|طلب نقل|طلب الإسكان
        قائمة الانتظار|الموظف|موظف|موظفين|موظفة|مسؤول|وقح|وقاحة|بوقاحة|صرخ|صراخ|يصرخ|إهانة|اهانة
        خدمة العملاء|مركز الاتصال|على الانتظار|الانتظار على الخط|أغلق الخط|الجيران|جيران|ضجيج|ضوضاء
        موسيقى|الموسيقى|كلب|كلاب|الكلب|مخدرات|موقف السيارات|مواقف السيارات|ركن السيارة|تنظيف
        النظافة|عامل النظافة|الحارس|البواب|تعويض|اعتذار|رسوم الخدمة|استبيان
    """,
    "tied": r"""
        لا يزال|لا تزال|ما زال|مازال|ما زالت|مازالت|لازال|لا زال|مرة أخرى|مرة ثانية|مجددا|مجدداً|من جديد
        بالفعل|سبق أن|سبق وأن|أبلغت|ابلغت|بلغت|أخبرتكم|اخبرتكم|قلت لكم|أبلغنا|بلاغ
        أسابيع|أشهر|شهور|سنوات|سنين|أسبوعين|اسبوعين|شهرين|سنتين|منذ مدة|منذ فترة طويلة
        للمرة الثانية|للمرة الثالثة|المرة الثانية|المرة الثالثة|لأنه|لانه|(?<!ا)لأن|بسبب|بسب|نتيجة|تسبب
        عاد مرة|عادت المشكلة|رجعت|الفني|«فني|السباك|سباك|العامل|«عامل|«عمال|العمال|المقاول|مقاول
        ركبوا|تم تركيب|استبدلوا|تم استبدال|تم تغيير|غيروا|أصلحوا|اصلحوا|صلحوا|تم إصلاح|تم اصلاح|تم تصليح
        صلّح|صلح
        الجيران|جيران|الجار|جارنا|جارتي|الشقة العلوية|الشقة اللي فوق|الطابق العلوي|من فوق|الشقة المجاورة
        سيارة|سيارتي|السيارة|نفس المشكلة|نفس الشيء|أسوأ|اسوأ|فئران|جرذان|صراصير|حشرات
    """,
})

# ---------------------------------------------------------------------------------------------
# Urdu (Arabic script)
# ---------------------------------------------------------------------------------------------
LANGS["urdu"] = ("bare", {
    0: r"""
        ہیٹنگ|ہیٹر|بوائلر|بوائیلر|ریڈی ایٹر|ریڈیایٹر|گرم پانی|گیس|تھرموسٹیٹ|گیزر
    """,
    1: r"""
        نلکا|نلکے|ٹونٹی|ٹوائلٹ|بیت الخلا|فلش|شاور|باتھ ٹب|سنک|واش بیسن|بیسن|پائپ|«لیک(?!ن)|رساؤ|رس رہا
        ٹپک|نالی|گٹر|سیوریج|پلمبر|واشنگ مشین|کموڈ
    """,
    2: r"""
        نمی کی|نمی ہے|نمی سے|سیلن|پھپھوندی|پھپوندی|چھت|دیوار|دیواروں|دیواریں|پلستر|ٹائلیں|ٹائلز|ٹائل(?!ٹ)|پرنالہ|داغ دھبے|دھبے
        چمنی|دراڑ|دراڑیں|ڈیمپ|مولڈ
    """,
    3: r"""
        ساکٹ|سوئچ|سوئچز|لائٹ|لائٹس|روشنی|بلب|پنکھا|پنکھے|ایگزاسٹ|بجلی|فیوز|وائرنگ|ٹرپ|میٹر باکس
    """,
    4: r"""
        دروازہ|دروازے|کھڑکی|کھڑکیاں|کھڑکیوں|تالا(?![رب])|تالے|ہینڈل|شیشہ|شیشے|چابی|چابیاں|فریم|کنڈی
        لیٹر باکس|چٹخنی
    """,
    5: r"""
        چولہا|چولہے|اوون|ککر|الماری|الماریاں|درازیں|دراز کھ|کیبنٹ|کیبنٹس|ورک ٹاپ
    """,
    6: r"""
        باڑ|جنگلا|گیٹ|فٹ پاتھ|شیڈ|باغ|باغیچہ|گارڈن|جھاڑیاں|گھاس|درخت|کوڑا|کچرا|کوڑے دان|ڈسٹ بن|بینچ
    """,
    7: r"""
        لفٹ|انٹرکام|گھنٹی|سیڑھیاں|سیڑھی|سیڑھیوں|جنگلہ|راہداری|کوریڈور|کیمرہ|کیمرے|سی سی ٹی وی
    """,
    8: r"""
        الارم|ڈیٹیکٹر|دھواں|دھوئیں|اسموک|سموک
    """,
    9: r"""
        فرش|قالین|کارپٹ|ونائل|لینو|فلور
    """,
    "other": r"""
        کرایہ|کرائے|کرایے|چارج|چارجز|فیس|ریفنڈ|بقایا|بقایاجات|بلز|بل ادا|بل بھیج|خطوط|خط بھیج|خط ملا
        اسٹیٹمنٹ|اکاؤنٹ|ایڈریس|ٹرانسفر|درخواست فارم|ہاؤسنگ کی درخواست|درخواست انتقال|ویٹنگ لسٹ|عملہ|عملے|سٹاف|اسٹاف|افسر|بدتمیز|بدتمیزی
        چیخ|کال سینٹر|ہولڈ پر|پڑوسی|پڑوسیوں|ہمسائے|ہمسایہ|شور|موسیقی|میوزک|«کت(?:ا|ے|وں)»
        منشیات|پارکنگ|صفائی|کیئرٹیکر|معاوضہ|سروس چارج
    """,
    "tied": r"""
        ابھی تک|اب بھی|اب تک|دوبارہ|پھر سے|ایک بار پھر|پہلے ہی|پہلے بھی|رپورٹ کی|رپورٹ کیا|بتایا تھا
        شکایت کی تھی|ہفتوں|مہینوں|سالوں|ہفتے سے|مہینے سے|سال سے|(?:\d+|دو|تین|چار|کئی|کافی) (?:ہفتے|مہینے|سال)
        دوسری بار|تیسری بار|کیونکہ|کی وجہ سے|وجہ سے|واپس آ گیا|واپس آگیا|انجینئر|پلمبر|الیکٹریشن|مستری
        ٹھیکیدار|مزدور|کاریگر|لگایا|لگائے|تبدیل کی|تبدیل کیا|بدلا|ٹھیک کیا|مرمت کی|پڑوسی|ہمسائے
        اوپر والے|اوپر کے فلیٹ|نیچے والے|گاڑی|بدتر|چوہے|کاکروچ
    """,
})

# ---------------------------------------------------------------------------------------------
# Bengali
# ---------------------------------------------------------------------------------------------
LANGS["bengali"] = ("bare", {
    0: r"""
        হিটিং|হিটার|বয়লার|বয়লার|রেডিয়েটর|গরম পানি|গরম জল|গ্যাস|থার্মোস্ট্যাট|ভাল্ব
    """,
    1: r"""
        ট্যাপ|পানির কল|জলের কল|টয়লেট|কমোড|ফ্লাশ|শাওয়ার|বাথটাব|সিংক|সিঙ্ক|বেসিন|পাইপ|লিক করছে
        লিক হচ্ছে|লিকেজ|চুইয়ে|ড্রেন|নর্দমা|প্লাম্বার|ওয়াশিং মেশিন|পানি পড়ছে|জল পড়ছে
    """,
    2: r"""
        স্যাঁতসেঁতে|স্যাতস্যাতে|ড্যাম্প|ছত্রাক|ছাতা পড়|মোল্ড|ছাদ|সিলিং|দেয়াল|দেওয়াল|প্লাস্টার|টাইলস
        দাগ|চিমনি|ফাটল
    """,
    3: r"""
        সকেট|সুইচ|লাইট|বাতি(?!ল)|বাল্ব|ফ্যান|পাখা|এক্সস্ট|বিদ্যু|কারেন্ট|ইলেকট্রিক|ফিউজ|ওয়্যারিং
    """,
    4: r"""
        দরজা|জানালা|জানলা|তালা(?!ক)|হাতল|কবজা|কাচ|কাঁচ|চাবি|ফ্রেম|ছিটকিনি|লেটার বক্স|গ্লেজিং
    """,
    5: r"""
        চুলা|চুলো|ওভেন|কুকার|আলমারি|ড্রয়ার|কেবিনেট|ক্যাবিনেট|ওয়ার্কটপ
    """,
    6: r"""
        বেড়া|গেট|ফুটপাত|শেড|বাগান|ঝোপ|ঘাস|গাছ|ময়লা|ডাস্টবিন|আবর্জনা|বেঞ্চ
    """,
    7: r"""
        লিফট|লিফ্ট|ইন্টারকম|কলিং বেল|সিঁড়ি|রেলিং|করিডোর|ক্যামেরা|সিসিটিভি
    """,
    8: r"""
        অ্যালার্ম|এলার্ম|ডিটেক্টর|ধোঁয়া|স্মোক
    """,
    9: r"""
        মেঝে|কার্পেট|লিনো|ভিনাইল|ফ্লোর
    """,
    "other": r"""
        ভাড়া|চার্জ|ফিস|রিফান্ড|বকেয়া|বিল(?!ম্ব|্ড)|চিঠি|স্টেটমেন্ট|অ্যাকাউন্ট|হিসাব|ঠিকানা|ট্রান্সফার
        স্থানান্তর|আবেদন|ওয়েটিং লিস্ট|অপেক্ষমাণ তালিকা|কর্মী|কর্মচারী|স্টাফ|অফিসার|অভদ্র|দুর্ব্যবহার
        খারাপ ব্যবহার|চিৎকার|কল সেন্টার|প্রতিবেশী|আওয়াজ|গোলমাল|গান বাজ|মিউজিক|কুকুর|মাদক|ড্রাগ
        পার্কিং|পরিচ্ছন্নতা|ক্লিনার|কেয়ারটেকার|ক্ষতিপূরণ|ক্ষমা চায়নি|সার্ভিস চার্জ
    """,
    "tied": r"""
        এখনও|এখনো|আবার|ইতিমধ্যে|আগেই|রিপোর্ট করেছি|জানিয়েছি|বলেছিলাম|অভিযোগ করেছি
        (?:\d+|[০-৯]+|কয়েক|দুই|তিন|চার|অনেক) (?:সপ্তাহ|মাস|বছর)|সপ্তাহ ধরে|মাস ধরে|বছর ধরে
        দ্বিতীয়বার|তৃতীয়বার|দ্বিতীয় বার|তৃতীয় বার|কারণ|কারণে|ফলে|ফিরে এসেছে|ইঞ্জিনিয়ার|প্লাম্বার
        ইলেকট্রিশিয়ান|মিস্ত্রি|ঠিকাদার|কন্ট্রাক্টর|লাগিয়েছে|বসিয়েছে|বদলেছে|পরিবর্তন করেছে|মেরামত করেছিল|মেরামত করা হয়েছিল
        ঠিক করেছে|সারিয়েছে|প্রতিবেশী|পাশের বাসা|উপরের ফ্ল্যাট|উপরতলা|ওপরের ফ্ল্যাট|গাড়ি|একই
        আরও খারাপ|ইঁদুর|তেলাপোকা
    """,
})

# ---------------------------------------------------------------------------------------------
# Punjabi (Gurmukhi)
# ---------------------------------------------------------------------------------------------
LANGS["punjabi"] = ("bare", {
    0: r"""
        ਹੀਟਿੰਗ|ਹੀਟਰ|ਬੋਇਲਰ|ਬਾਇਲਰ|ਬੋਆਇਲਰ|ਰੇਡੀਏਟਰ|ਗਰਮ ਪਾਣੀ|ਗੈਸ|ਥਰਮੋਸਟੈਟ
    """,
    1: r"""
        ਟੂਟੀ|ਟੂਟੀਆਂ|ਟੌਇਲਟ|ਟਾਇਲਟ|ਫਲੱਸ਼|ਫਲਸ਼|ਸ਼ਾਵਰ|ਬਾਥਟੱਬ|ਸਿੰਕ|ਬੇਸਿਨ|ਪਾਈਪ|ਲੀਕ|ਚੋਅ ਰਿਹਾ|ਨਾਲੀ
        ਪਲੰਬਰ|ਵਾਸ਼ਿੰਗ ਮਸ਼ੀਨ
    """,
    2: r"""
        ਸਿੱਲ੍ਹ|ਸਿਲ੍ਹ|ਸਲ੍ਹਾਬ|ਨਮੀ|ਉੱਲੀ|ਛੱਤ|ਕੰਧ|ਪਲਸਤਰ|ਟਾਈਲ|ਦਾਗ|ਚਿਮਨੀ|ਤਰੇੜ|ਡੈਂਪ|ਮੋਲਡ
    """,
    3: r"""
        ਸਾਕਟ|ਸਵਿੱਚ|ਸਵਿਚ|ਲਾਈਟ|ਬੱਤੀ|ਬਲਬ|ਪੱਖਾ|ਪੱਖੇ|ਬਿਜਲੀ|ਫਿਊਜ਼|ਫਿਊਜ|ਵਾਇਰਿੰਗ|ਕਰੰਟ
    """,
    4: r"""
        ਦਰਵਾਜ਼ਾ|ਦਰਵਾਜ਼ੇ|ਦਰਵਾਜਾ|ਦਰਵਾਜੇ|ਬੂਹਾ|ਬੂਹੇ|ਖਿੜਕੀ|ਤਾਲਾ|ਹੈਂਡਲ|ਕਬਜ਼ੇ|ਸ਼ੀਸ਼ਾ|ਸ਼ੀਸ਼ੇ|ਚਾਬੀ|ਕੁੰਜੀ
        ਫਰੇਮ|ਕੁੰਡੀ
    """,
    5: r"""
        ਚੁੱਲ੍ਹ|ਚੁੱਲ੍ਹਾ|ਓਵਨ|ਕੁੱਕਰ|ਅਲਮਾਰੀ|ਦਰਾਜ਼|ਦਰਾਜ|ਕੈਬਨਿਟ|ਕਬਰਡ
    """,
    6: r"""
        ਵਾੜ|ਗੇਟ|ਫੁੱਟਪਾਥ|ਸ਼ੈੱਡ|ਸ਼ੈਡ|ਬਗੀਚਾ|ਬਗੀਚੇ|ਗਾਰਡਨ|ਘਾਹ|ਦਰੱਖਤ|ਰੁੱਖ|ਕੂੜਾ|ਕੂੜੇਦਾਨ|ਕੂੜੇ
    """,
    7: r"""
        ਲਿਫਟ|ਲਿਫ਼ਟ|ਇੰਟਰਕਾਮ|ਘੰਟੀ|ਪੌੜੀਆਂ|ਪੌੜੀ|ਰੇਲਿੰਗ|ਕੋਰੀਡੋਰ|ਲਾਂਘਾ|ਕੈਮਰਾ|ਕੈਮਰੇ
    """,
    8: r"""
        ਅਲਾਰਮ|ਡਿਟੈਕਟਰ|ਧੂੰਆਂ|ਧੂੰਏਂ|ਸਮੋਕ
    """,
    9: r"""
        ਫਰਸ਼|ਫ਼ਰਸ਼|ਕਾਰਪੇਟ|ਗਲੀਚਾ|ਫਲੋਰ
    """,
    "other": r"""
        ਕਿਰਾ|ਚਾਰਜ|ਫੀਸ|ਰਿਫੰਡ|ਬਕਾਇਆ|ਬਿੱਲ|ਚਿੱਠੀ|ਪੱਤਰ|ਸਟੇਟਮੈਂਟ|ਖਾਤਾ|ਅਕਾਊਂਟ|ਐਡਰੈੱਸ|ਤਬਾਦਲਾ|ਟ੍ਰਾਂਸਫਰ
        ਅਰਜ਼ੀ|ਅਰਜੀ|ਵੇਟਿੰਗ ਲਿਸਟ|ਸਟਾਫ|ਕਰਮਚਾਰੀ|ਮੁਲਾਜ਼ਮ|ਅਫਸਰ|ਅਫ਼ਸਰ|ਬਦਤਮੀਜ਼|ਬਦਤਮੀਜ|ਚੀਕ|ਕਾਲ ਸੈਂਟਰ
        ਗੁਆਂਢੀ|ਗਵਾਂਢੀ|ਰੌਲਾ|ਸ਼ੋਰ|ਸੰਗੀਤ|ਗਾਣੇ|ਕੁੱਤਾ|ਕੁੱਤੇ|ਨਸ਼ੇ|ਡਰੱਗ|ਪਾਰਕਿੰਗ|ਸਫਾਈ|ਸਫ਼ਾਈ|ਮੁਆਵਜ਼ਾ|ਮੁਆਵਜਾ
    """,
    "tied": r"""
        ਅਜੇ ਵੀ|ਹਾਲੇ ਵੀ|ਹਜੇ ਵੀ|ਦੁਬਾਰਾ|ਫਿਰ ਤੋਂ|ਪਹਿਲਾਂ ਹੀ|ਰਿਪੋਰਟ ਕੀਤੀ|ਦੱਸਿਆ ਸੀ|ਸ਼ਿਕਾਇਤ ਕੀਤੀ
        ਹਫ਼ਤਿਆਂ|ਹਫਤਿਆਂ|ਮਹੀਨਿਆਂ|ਸਾਲਾਂ|ਹਫ਼ਤੇ ਤੋਂ|ਹਫਤੇ ਤੋਂ|ਮਹੀਨੇ ਤੋਂ|ਸਾਲ ਤੋਂ|ਦੂਜੀ ਵਾਰ|ਤੀਜੀ ਵਾਰ
        ਕਿਉਂਕਿ|ਕਾਰਨ|ਵਜ੍ਹਾ|ਵਾਪਸ ਆ ਗਿਆ|ਇੰਜੀਨੀਅਰ|ਪਲੰਬਰ|ਇਲੈਕਟ੍ਰੀਸ਼ੀਅਨ|ਮਿਸਤਰੀ|ਠੇਕੇਦਾਰ|ਕਾਰੀਗਰ
        ਲਗਾਇਆ|ਬਦਲਿਆ|ਠੀਕ ਕੀਤਾ|ਮੁਰੰਮਤ|ਗੁਆਂਢੀ|ਗਵਾਂਢੀ|ਉਪਰਲੇ|ਉੱਪਰ ਵਾਲੇ|ਨਾਲ ਦੇ ਘਰ|ਗੱਡੀ|ਮੇਰੀ ਕਾਰ
        ਚੂਹੇ
    """,
})

# ---------------------------------------------------------------------------------------------
# Gujarati
# ---------------------------------------------------------------------------------------------
LANGS["gujarati"] = ("bare", {
    0: r"""
        હીટિંગ|હીટર|બોઇલર|બોઈલર|રેડિયેટર|ગરમ પાણી|ગેસ|થર્મોસ્ટેટ|ગીઝર
    """,
    1: r"""
        નળ(?!િ)|ટોઇલેટ|ટોયલેટ|શૌચાલય|ફ્લશ|શાવર|બાથટબ|સિંક|બેસિન|પાઇપ|પાઈપ|લીક|ટપક|ગટર|પ્લમ્બર
        વોશિંગ મશીન
    """,
    2: r"""
        ભેજ|ફૂગ|છત(?!ા)|દીવાલ|દિવાલ|ભીંત|પ્લાસ્ટર|ટાઇલ્સ|ટાઈલ્સ|ડાઘ|ચીમની|તિરાડ|નળિયા|ડેમ્પ|મોલ્ડ
    """,
    3: r"""
        સોકેટ|સ્વિચ|લાઇટ|લાઈટ|બત્તી|બલ્બ|પંખો|પંખા|વીજળી|ઇલેક્ટ્રિક|ફ્યુઝ|વાયરિંગ|કરંટ
    """,
    4: r"""
        દરવાજો|દરવાજા|બારણું|બારણા|બારી|તાળું|તાળા|હેન્ડલ|મિજાગરા|કાચ|ચાવી|ફ્રેમ|સ્ટોપર|લેટર બોક્સ
    """,
    5: r"""
        ચૂલો|ચૂલા|ઓવન|કૂકર|કબાટ|ડ્રોઅર|ખાનું|કેબિનેટ|સ્ટવ
    """,
    6: r"""
        વાડ(?!િ)|ફેન્સ|ગેટ|ફૂટપાથ|શેડ|બગીચો|બગીચા|ગાર્ડન|ઘાસ|ઝાડ|વૃક્ષ|કચરો|કચરા|ડસ્ટબિન|બેન્ચ
    """,
    7: r"""
        લિફ્ટ|ઇન્ટરકોમ|ઘંટડી|સીડી|દાદર|રેલિંગ|કોરિડોર|પરસાળ|કેમેરા|સીસીટીવી
    """,
    8: r"""
        એલાર્મ|ડિટેક્ટર|ધુમાડો|ધુમાડા|સ્મોક
    """,
    9: r"""
        ફ્લોર|ફરસ|ભોંયતળિયું|લાદી|કાર્પેટ|ગાલીચો
    """,
    "other": r"""
        ભાડ|ચાર્જ|ફીસ|ફી ભર|રિફંડ|બિલ(?!્ડ|ડ)|પત્ર|કાગળ|સ્ટેટમેન્ટ|ખાતું|એકાઉન્ટ|સરનામું|ટ્રાન્સફર|બદલી
        અરજી|વેઇટિંગ લિસ્ટ|પ્રતીક્ષા યાદી|સ્ટાફ|કર્મચારી|અધિકારી|ઓફિસર|અસભ્ય|ઉદ્ધત|બૂમ|કોલ સેન્ટર
        પડોશી|પાડોશી|ઘોંઘાટ|અવાજ|સંગીત|કૂતરો|કૂતરા|ડ્રગ્સ|નશો|પાર્કિંગ|સફાઈ|વળતર
    """,
    "tied": r"""
        હજુ|હજી|ફરીથી|ફરી વાર|પહેલેથી|પહેલાથી|રિપોર્ટ કર્યો|જણાવ્યું હતું|ફરિયાદ કરી હતી
        અઠવાડિયાથી|મહિનાથી|વર્ષથી|(?:\d+|બે|ત્રણ|ચાર|ઘણા|કેટલાક) (?:અઠવાડિયા|મહિના|વર્ષ)
        બીજી વાર|ત્રીજી વાર|બીજીવાર|કારણ કે|કારણે|લીધે|પાછું આવ્યું|પાછી આવી|એન્જિનિયર|પ્લમ્બર
        ઇલેક્ટ્રિશિયન|મિસ્ત્રી|કારીગર|કોન્ટ્રાક્ટર|લગાવ્યું|બદલ્યું|બદલાવ્યું|રિપેર કર્યું|ઠીક કર્યું
        સમારકામ|પડોશી|પાડોશી|ઉપરના ફ્લેટ|બાજુના ઘર|ગાડી|એ જ|ઉંદર|વંદા
    """,
})

# ---------------------------------------------------------------------------------------------
# Somali
# ---------------------------------------------------------------------------------------------
LANGS["somali"] = ("latin", {
    0: r"""
        kululeey\w*|kulayl\w*|kuleyl\w*|biyo kulul|biyaha kulul\w*|gaas|gaaska|boyler\w*|raadiyeetar\w*
        kuleyliye\w*
    """,
    1: r"""
        tuubo\w*|tuubad\w*|qasabad\w*|musqu\w*|suuli\w*|qubays\w*|qubeys\w*|daad\w*|dhibic\w*
        bullaacad\w*|mashiin\w* dhar\w*|dhaqid\w* weel\w*|saxan dhaq\w*
    """,
    2: r"""
        qoyaan\w*|huur\w*|caaryaan\w*|saqaf\w*|darbi\w*|gidaar\w*|dusha guriga|dildilaac\w*|jeexdin\w*
    """,
    3: r"""
        korontad\w*|koronto\w*|laydh\w*|nalalka|iftiin\w*|fiyuus\w*|marawaxad\w*|silig\w*|swiij\w*
    """,
    4: r"""
        albaab\w*|irrid\w*|daaqad\w*|quful\w*|fure|furaha|furayaal\w*|muraayad\w*
    """,
    5: r"""
        foorno\w*|shoolad\w*|kabadh\w*|khaanad\w*|armaajo\w*
    """,
    6: r"""
        xayndaab\w*|ood|oodda|beerta guriga|caws\w*|geed\w*|qashin\w*|barxad\w*|dayr\w*
    """,
    7: r"""
        wiish\w*|jaranjar\w*|kaamiro\w*
    """,
    8: r"""
        alaarm\w*|qiiq\w*|digniin\w* dab\w*
    """,
    9: r"""
        dabaq\w*|sagxad\w*|roog\w*
    """,
    "other": r"""
        kiro\w*|kirad\w*|lacag\w*|khidmad\w*|biil\w*|deyn\w*|warqad\w*|xisaab\w*|cinwaan\w*|guur\w*
        codsi\w*|liiska sugitaan\w*|sugitaan\w*|shaqaal\w*|sarkaal\w*|edeb darr\w*|anshax xumo
        qayli\w*|ku qayli\w*|telefoon\w*|d[ae]ris\w*|buuq\w*|muusig\w*|heeso\w*|eey|eeyga|eeyda|eeyo
        daroogo\w*|mukhaadaraad\w*|baarkin\w*|nadiif\w*|magdhow\w*|raali gelin\w*
    """,
    "tied": r"""
        weli|wali|mar kale|markale|dib u|horay|horay u sheeg\w*|soo sheegay|idin sheegay|la soo sheegay
        warbixin\w*|(?:\d+|dhowr|dhawr|laba|saddex|afar|shan) (?:toddobaad\w*|usbuuc\w*|bil\w*|sano\w*)
        toddobaadyo|bilo|sanado|mar labaad|mar saddexaad|sababtoo ah|sababta oo ah|sabab\w*|darteed
        awgeed|soo noqo\w*|soo laabtay|injineer\w*|tuubiiste\w*|farsamayaqaan\w*|qandaraasl\w*
        rakib\w*|beddel\w*|hagaaj\w*|dayactir\w*|d[ae]ris\w*|dabaqa sare|gaari\w*|baabuur\w*|isla
        jiir\w*
    """,
})

# ---------------------------------------------------------------------------------------------
# Turkish
# ---------------------------------------------------------------------------------------------
LANGS["turkish"] = ("latin", {
    0: r"""
        kalorifer\w*|petek\w*|kombi\w*|[ıi]s[ıi]tma\w*|[ıi]s[ıi]t[ıi]c[ıi]\w*|s[ıi]cak su\w*|termostat\w*
        do[ğg]algaz\w*|gaz|gaz[ıi]|gazda|gazdan|vana\w*|[şs]ofben\w*|radyat[öo]r\w*|kazan|kazan[ıi]|kazanda
    """,
    1: r"""
        musluk\w*|musluğ\w*|tuvalet\w*|klozet\w*|sifon\w*|rezervuar\w*|duş\w*|dus|k[üu]vet\w*|lavabo\w*
        evye\w*|boru\w*|s[ıi]z[ıi]nt[ıi]\w*|s[ıi]z[ıi]yor|s[ıi]zd[ıi]r\w*|damla\w*|daml[ıi]yor|t[ıi]ka[nl]\w*
        tesisat\w*|[çc]ama[şs][ıi]r makine\w*|kanalizasyon\w*|pis su
    """,
    2: r"""
        nem|neml\w*|nemden|nemi|neme|k[üu]f|k[üu]fl\w*|k[üu]f[üu]|k[üu]fte|k[üu]flen\w*|rutubet\w*
        yo[ğg]u[şs]ma\w*|tavan\w*|duvar\w*|s[ıi]va\w*|[çc]at[ıi]\w*|oluk\w*|kiremit\w*|fayans\w*|leke\w*
        baca\w*|yal[ıi]t[ıi]m\w*|[çc]atlak\w*|mantolama\w*
    """,
    3: r"""
        priz\w*|[şs]alter\w*|lamba\w*|[ıi][şs][ıi]k\w*|ayd[ıi]nlatma\w*|ampul\w*|fan|fan[ıi]|aspirat[öo]r\w*
        elektri\w*|sigortalar? att[ıi]|sigorta kutusu|kablo\w*|davlumbaz\w*|ak[ıi]m\w*
    """,
    4: r"""
        kap[ıi](?!c)\w*|pencere\w*|kilit\w*|mente[şs]e\w*|cam|cam[ıi]|camlar\w*|camda|camdan|[çc]ift cam
        [çc]er[çc]eve\w*|anahtar\w*|mandal\w*|s[üu]rg[üu]\w*|posta kutusu|contas[ıi]|contalar\w*|pvc|kol[ıu] k[ıi]r\w*
    """,
    5: r"""
        ocağ\w*|ocak gözü|f[ıi]r[ıi]n\w*|tezgah\w*|dolap\w*|dolab\w*|[çc]ekmece\w*|mutfak dolab\w*
    """,
    6: r"""
        [çc]it|[çc]iti|[çc]itler\w*|[çc]itte|bah[çc]e\w*|kald[ıi]r[ıi]m\w*|kul[üu]be\w*|[çc]al[ıi]|[çc]al[ıi]lar\w*
        [çc]im|[çc]imen\w*|[çc]imler\w*|a[ğg]a[çc]\w*|çöp\w*|konteyner\w*|avlu\w*
    """,
    7: r"""
        asans[öo]r\w*|diyafon\w*|interkom\w*|zil|zili|zilin|ziller\w*|merdiven\w*|korkuluk\w*|t[ıi]rabzan\w*
        koridor\w*|kamera\w*|ortak alan\w*|sahanl[ıi]k\w*|apartman giri[şs]\w*
    """,
    8: r"""
        alarm\w*|dedekt[öo]r\w*|sens[öo]r\w*|duman\w*|karbon monoksit|yang[ıi]n alarm\w*
    """,
    9: r"""
        zemin\w*|d[öo][şs]eme\w*|halı\w*|parke\w*|laminat\w*|s[üu]p[üu]rgel[ıi]k\w*|marley\w*
    """,
    "other": r"""
        kira\w*|[üu]cret\w*|aidat\w*|iade\w*|bor[çc]\w*|borcu\w*|fatura\w*|mektup\w*|mektub\w*|ekstre\w*
        hesap\w*|hesab\w*|adres\w*|ta[şs][ıi]nma\w*|transfer\w*|ba[şs]vuru\w*|bekleme listesi\w*
        personel\w*|memur\w*|yetkili\w*|kaba|kabal[ıi]k\w*|kaba davran\w*|sayg[ıi]s[ıi]z\w*|ba[ğg][ıi]rd\w*
        ba[ğg][ıi]r[ıi]\w*|[çc]a[ğg]r[ıi] merkez\w*|m[üu][şs]teri hizmetleri|hatta beklet\w*|telefonu kapat\w*
        kom[şs]u\w*|g[üu]r[üu]lt[üu]\w*|m[üu]zik\w*|k[öo]pek\w*|uyu[şs]turucu\w*|otopark\w*|park yeri\w*
        temizli[kğ]\w*|kap[ıi]c[ıi]\w*|tazminat\w*|y[öo]netim\w*|anket\w*
    """,
    "tied": r"""
        h[âa]l[âa]|hala|yine|tekrar\w*|yeniden|gene|zaten|[çc]oktan|bildirdim|bildirmi[şs]tim|bildirdik
        s[öo]ylemi[şs]tim|s[öo]yledim|[şs]ikayet ettim
        (?:\d+|birka[çc]|iki|[üu][çc]|d[öo]rt|be[şs]|alt[ıi]|ka[çc]) (?:hafta|ay|y[ıi]l|sene)\w*
        haftalard[ıi]r|aylard[ıi]r|y[ıi]llard[ıi]r|ikinci (?:kez|defa|kere)|[üu][çc][üu]nc[üu] (?:kez|defa|kere)
        [çc][üu]nk[üu]|y[üu]z[üu]nden|nedeniyle|sebebiyle|dolay[ıi]\w*|geri geldi|usta\w*|tesisat[çc]\w*
        elektrik[çc]i\w*|teknisyen\w*|i[şs][çc]i\w*|m[üu]teahhit\w*|tamirci\w*|tak[ıi]ld[ıi]|takt[ıi]lar
        de[ğg]i[şs]tiril\w*|de[ğg]i[şs]tirdiler|tamir edil\w*|tamir ettiler|onar[ıi]ld[ıi]|yapt[ıi]lar
        kom[şs]u\w*|[üu]st kat\w*|alt kat\w*|yan daire\w*|araba\w*|ara[çc]|arac[ıi]m\w*|otomobil\w*|ayn[ıi]
        daha k[öo]t[üu]|k[öo]t[üu]le[şs]\w*|fareler|s[ıi][çc]an\w*|hamamb[öo]ce[ğk]\w*
    """,
})

# ---------------------------------------------------------------------------------------------
# Lithuanian
# ---------------------------------------------------------------------------------------------
LANGS["lithuanian"] = ("latin", {
    0: r"""
        radiator\w*|[šs]ild\w*|katil\w*|kar[šs]t\w* vand\w*|termostat\w*|dujos|duj[ųu]|dujomis|dujin\w*
        vo[žz]tuv\w*|boiler\w*
    """,
    1: r"""
        [čc]iaup\w*|tualet\w*|unitaz\w*|klozet\w*|du[šs]as|du[šs]o|du[šs]e|du[šs][ąa]|voni\w*(?! kambar\w*)|kriaukl\w*
        praustuv\w*|vamzd\w*|varv\w*|teka|prateka|pratek\w*|nutek\w*|kanalizacij\w*|u[žz]sikim[šs]\w*
        santechnik\w*|skalbimo ma[šs]in\w*|skalbykl\w*|nuotek\w*|sifon\w*
    """,
    2: r"""
        dr[ėe]gm\w*|dr[ėe]gn\w*|pel[ėe]si\w*|kondensat\w*|lubos|lub[ųu]|lubose|lubas|lubomis|sien\w*
        tinkas|tinko|tink[ąa]|tinkavim\w*|stog\w*|latak\w*|[čc]erp\w*|plytel\w*|d[ėe]m[ėe]|d[ėe]m[ėe]s
        d[ėe]mi[ųu]|kamin\w*|pal[ėe]p\w*|izoliacij\w*|[šs]iltinim\w*|[įi]tr[ūu]k\w*
    """,
    3: r"""
        rozet\w*|lizd\w*|jungikl\w*|[šs]vies\w*|ap[šs]viet\w*|lemput\w*|ventiliator\w*|gartraut\w*
        elektr\w*|saugikl\w*|laidai|laid[ųu]|laidus|laidais|laidyn\w*
    """,
    4: r"""
        durys|dur[ųu]|duris|duryse|durimis|durel\w*|langas|lango|lange|lang[ąa]|langai|lang[ųu]|langus|languose|langam\w*|langel\w*|spyn\w*|u[žz]rakt\w*|rankena\w*|rankenos
        rankenėl\w*|vyriai|vyri[ųu]|vyrius|stikl\w*|r[ėe]mas|rėm(?:o|ai|ų|e|us)|rakt\w*|pa[šs]to d[ėe][žz]ut\w*
        sandarin\w*|stiklo paket\w*
    """,
    5: r"""
        virykl\w*|orkait\w*|kaitlent\w*|stalvir\w*|spintel\w*|spint\w*|stal[čc]i\w*
    """,
    6: r"""
        tvor\w*|vartai|vart[ųu]|vartus|varteliai|vartel\w*|takas|tako|taku|takai|tak[ųu]|takel\w*
        [šs]aligatv\w*|pav[ėe]sin\w*|sand[ėe]liuk\w*|sodas|sodo|sode|sod[ąa]|sodel\w*|gyvatvor\w*
        [žz]ol[ėe]|[žz]ol[ęe]|[žz]ol[ėe]s|[žz]oliap\w*|medis|med[žz]iai|med[žz]i[ųu]|med[įi]|med[žz]ius|med[žz]io
        [šs]iuk[šs]l\w*|konteiner\w*|kiem\w*|suoliuk\w*
    """,
    7: r"""
        liftas|lifto|lifte|liftai|lift[ąa]|lift[ųu]|domofon\w*|laipt\w*|tur[ėe]kl\w*|koridori\w*|kamer\w*|bendr\w* patalp\w*|bendr\w* erdv\w*
    """,
    8: r"""
        signalizacij\w*|detektori\w*|jutikl\w*|d[ūu]mai|d[ūu]m[ųu]|d[ūu]mus|smalk\w*|purkštuv\w*
    """,
    9: r"""
        grindys|grind[ųu]|grindis|grindyse|grindim\w*|grindjuost\w*|kilim\w*|linoleum\w*|parket\w*|laminat\w*
    """,
    "other": r"""
        nuom\w*|mokest\w*|gr[ąa][žz]in\w*|skol\w*|s[ąa]skait\w*|lai[šs]k\w*|i[šs]ra[šs]\w*|adres\w*
        (?:per|persi)k[ėe]l\w*|pra[šs]ym\w*|eil[ėe]\w*|darbuotoj\w*|pareig[ūu]n\w*|nemandag\w*|grub\w*
        rėk\w*|[šs]auk\w*|klient[ųu] aptarnavim\w*|laukiau ant linijos|kaimyn\w*|triuk[šs]m\w*|muzik\w*
        [šs]uo|[šs]uns|[šs]unys|[šs]un[ųu]|[šs]unim\w*|[šs]un[įi]|narkotik\w*|parkav\w*|automobili[ųu] stov\w*
        valym\w*|valytoj\w*|pri[žz]i[ūu]r[ėe]toj\w*|sarg\w*|kompensacij\w*|atsipra[šs]ym\w*|administravim\w*
    """,
    "tied": r"""
        vis dar|vis tiek|tebe\w*|v[ėe]l|dar kart[ąa]|i[šs] naujo|jau(?! ne)|prane[šs]i\w*|prane[šs][ėe]\w*
        sakiau|sak[ėe]me|(?:\d+|kelias|kelis|kelet[ąa]|dvi|du|tris|tr[ys]s|daug) (?:savait\w*|m[ėe]nes\w*|met\w*)
        antr[ąa] kart[ąa]|tre[čc]i[ąa] kart[ąa]|nes|suk[ėe]l\w*|d[ėe]l to|atsirado v[ėe]l|gr[įi][žz]o
        meistr\w*|santechnik\w*|elektrik\w*|darbinink\w*|rangov\w*|technik\w*|sumontav\w*|[įi]reng[ėe]\w*
        pakeit\w*|sutais\w*|suremontav\w*|kaimyn\w*|vir[šs]uje gyven\w*|i[šs] vir[šs]aus|automobil\w*
        mano ma[šs]in\w*|tas pats|ta pati|toks pat\w*|blog[ėe]j\w*|[žz]iurk\w*|pel[ėe]s|tarakon\w*
    """,
})

# ---------------------------------------------------------------------------------------------
# Farsi
# ---------------------------------------------------------------------------------------------
LANGS["farsi"] = ("bare", {
    0: r"""
        شوفاژ|رادیاتور|پکیج|آبگرمکن|آب گرمکن|گرمایش|بخاری گازی|بخاری برقی|آب گرم|گاز|ترموستات|شیر فلکه|موتورخانه
    """,
    1: r"""
        شیر آب|توالت|دستشویی|سیفون|دوش حمام|وان حمام|سینک|روشویی|لوله|نشتی|نشت|چکه|فاضلاب|لوله کش
        لوله‌کش|ماشین لباسشویی|لباسشویی|گرفتگی|کاسه توالت
    """,
    2: r"""
        رطوبت|نم زدگی|نمزدگی|نم‌زدگی|کپک|قارچ|سقف|دیوار|گچ|پشت بام|پشت‌بام|پشتبام|ناودان|کاشی|لکه
        دودکش|عایق|شیروانی|ترک خورده|ترک برداشته
    """,
    3: r"""
        پریز|کلید برق|چراغ|لامپ|روشنایی|پنکه|هواکش|برق(?!رار)|فیوز|سیم کشی|سیم‌کشی|سیمکشی|کنتور برق
    """,
    4: r"""
        درب(?!ار)|پنجره|قفل|دستگیره|لولا|شیشه|کلید|صندوق پست|چفت|در ورودی|در خانه|در آپارتمان
    """,
    5: r"""
        اجاق|کابینت|کمد|کشو(?!ر)|فر گاز|هود
    """,
    6: r"""
        حصار|نرده|دروازه|پیاده رو|پیاده‌رو|انباری|باغ|باغچه|حیاط|پرچین|چمن|درخت|سطل زباله|زباله|نیمکت
    """,
    7: r"""
        آسانسور|آیفون|راه پله|راه‌پله|پله|راهرو|دوربین|مشاعات|لابی|نرده پله
    """,
    8: r"""
        آژیر|دزدگیر|هشدار دود|هشداردهنده|دتکتور|(?<![حسر])دود|سنسور|حسگر|مونوکسید
    """,
    9: r"""
        کف زمین|کف خانه|کف اتاق|کف آشپزخانه|کف حمام|کفپوش|کف پوش|فرش|موکت|پارکت|لمینت|سرامیک|قرنیز
    """,
    "other": r"""
        اجاره|هزینه|شارژ|بازپرداخت|استرداد|بدهی(?!د)|قبض|(?<!بر)نامه|صورتحساب|حساب|آدرس|نشانی|انتقال
        جابجایی|اسباب کشی|اسباب‌کشی|درخواست مسکن|درخواست انتقال|لیست انتظار|کارمند|کارکنان|پرسنل|مامور|مأمور|مسئول
        بی ادب|بی‌ادب|بی احترامی|بی‌احترامی|گستاخ|فریاد|مرکز تماس|پشت خط|همسایه|سر و صدا|سروصدا
        موسیقی|«سگ|مواد مخدر|پارکینگ|نظافت|تمیزکاری|سرایدار|غرامت
    """,
    "tied": r"""
        هنوز|دوباره|باز هم|مجددا|مجدداً|قبلا|قبلاً|از قبل|گزارش داد|گزارش کرده|اطلاع دادم|گفته بودم
        (?:\d+|[۰-۹]+|[٠-٩]+|چند|دو|سه|چهار|چندین) (?:هفته|ماه|سال)|هفته[ \u200c]?هاست|ماه[ \u200c]?هاست
        سال[ \u200c]?هاست|بار دوم|بار سوم|دومین بار|سومین بار|چون|چونکه|به دلیل|به خاطر|بخاطر|باعث
        برگشته|برگشت|تعمیرکار|لوله کش|لوله‌کش|برقکار|کارگر|پیمانکار|مهندس|نصب کرد|نصب شد|نصب کردند
        عوض کرد|تعویض کردند|تعویض شد|تعمیر کرد|درست کرد|همسایه|طبقه بالا|واحد بالا|واحد کناری|ماشین(?![ \u200c]?(?:لباس|ظرف))
        بدتر|موش‌ها|موشها|سوسک
    """,
})

# ---------------------------------------------------------------------------------------------
# Chinese (simplified)
# ---------------------------------------------------------------------------------------------
LANGS["chinese"] = ("bare", {
    0: r"""
        暖气|供暖|暖气片|锅炉|热水器|热水|散热器|恒温器|温控器|燃气|煤气|阀门|取暖|壁挂炉|地暖
    """,
    1: r"""
        水龙头|龙头|马桶|厕所|冲水|水箱|淋浴|花洒|浴缸|水槽|洗手盆|洗脸盆|水管|管道|漏水|滴水|下水道
        排水|堵塞|堵了|洗衣机|水管工|洗碗池
    """,
    2: r"""
        潮湿|受潮|发霉|霉菌|霉斑|长霉|冷凝|凝结水|天花板|墙壁|墙上|墙面|墙|石膏|屋顶|房顶|雨水槽|檐槽
        瓦片|渗水|渗漏|污渍|水渍|烟囱|阁楼|保温|隔热|裂缝|裂纹
    """,
    3: r"""
        插座|开关|电灯|灯泡|灯|照明|风扇|排气扇|排风扇|抽油烟机|油烟机|电路|电线|保险丝|跳闸|停电|没电
        断电|电源|电力|漏电|电器|电表
    """,
    4: r"""
        (?<![部专上热出入])门|窗|窗户|锁|门锁|把手|铰链|合页|玻璃|窗框|门框|钥匙|信箱|双层玻璃|密封条|插销
    """,
    5: r"""
        灶台|炉灶|灶|炉子|烤箱|烤炉|电磁炉|橱柜|柜子|碗柜|抽屉|台面|操作台
    """,
    6: r"""
        栅栏|篱笆|围栏|院门|小路|人行道|路面|棚子|储物棚|花园|院子|树篱|草坪|草地|树木|树|垃圾桶|垃圾箱
        垃圾|长椅
    """,
    7: r"""
        电梯|对讲机|门禁|门铃|楼梯|扶手|楼道|走廊|监控|摄像头|公共区域|楼梯间
    """,
    8: r"""
        警报|报警器|烟雾|烟感|探测器|一氧化碳|喷淋
    """,
    9: r"""
        地板|地面|地毯|油毡|地胶|踢脚线|地砖
    """,
    "other": r"""
        房租|租金|收费|费用|扣款|退款|欠款|欠租|拖欠|账单|信件|来信|信函|对账单|账户|地址|调房|换房|搬家
        住房申请|申请住房|换房申请|申请调房|申请表|轮候|排队名单|工作人员|员工|职员|官员|态度|不礼貌|粗鲁|吼|大喊|客服|热线|邻居|噪音|吵
        音乐|狗|毒品|停车|清洁|保洁|管理员|看门人|赔偿|补偿|道歉|服务费|物业费
    """,
    "tied": r"""
        还是|仍然|依然|仍旧|又坏|又漏|又出现|又开始|再次|又一次|早就|已经报|已经修|已经说|已经反映|报修过
        报告过|反映过|说过|(?:[0-9]{1,2}|[一两二三四五六七八九十几]{1,2})(?:个月|个星期|个礼拜|星期|周|年)(?![0-9级])
        好几|半年|半个月|第二次|第三次|因为|由于|导致|造成|引起|又回来|复发|工程师|维修工|师傅|水管工|电工|工人
        承包商|安装|换了|更换|修好|修过|修理过|装了|邻居|隔壁|从楼上|楼上邻居|楼上住户|楼上的邻居|楼下邻居|楼上漏|汽车|车辆|车子|我的车|一样
        同样|更糟|更严重|恶化|老鼠|蟑螂
    """,
})

# ---------------------------------------------------------------------------------------------
# Tigrinya (Ethiopic script)
# ---------------------------------------------------------------------------------------------
LANGS["tigrinya"] = ("bare", {
    0: r"""
        ሂቲንግ|ሂተር|ቦይለር|ራድያተር|ራዲያተር|ውዑይ ማይ|ሙቐት|ጋዝ
    """,
    1: r"""
        ቧንቧ|ሽቓቕ|ሽንቲ ቤት|ቶይሌት|ሻወር|ትቦ|ይንጠብጠብ|ዝንጠብጠብ|ፍሳስ
    """,
    2: r"""
        ርሕሰት|ናሕሲ|መንደቕ|ሻጋታ|ሰንጣቕ
    """,
    3: r"""
        ኤሌክትሪክ|መብራህቲ|ሶኬት|ስዊች|ኣምፑል|ፊውዝ
    """,
    4: r"""
        ማዕጾ|መስኮት|መፍትሕ|ቁልፊ|ብርጭቆ
    """,
    5: r"""
        ምድጃ|ኦቨን|ካብኔት|ኩሽና ካብኔት
    """,
    6: r"""
        ሓጹር|ጓሓፍ|ጀርዲን|ኣግራብ
    """,
    7: r"""
        ሊፍት|መሳልል|ካሜራ
    """,
    8: r"""
        ኣላርም|ኣላርም ሽጉ|ደወል ሓዊ
    """,
    9: r"""
        ምንጻፍ|ካርፔት|መሬት ገዛ
    """,
    "other": r"""
        ክራይ|ክፍሊት|ደብዳበ|ኣድራሻ|ጎረቤት|ድምጺ|ድምፂ|ከልቢ|ይቕረታ|ካሕሳ|ቴሌፎን|ሰራሕተኛታት ቤት ጽሕፈት
    """,
    "tied": r"""
        ገና|ደጊመ|እንደገና|ድሮ|ሓቢረ|ሓቢርኩም|ሰሙናት|ኣዋርሕ|ዓመታት|ምኽንያቱ|ብሰንኪ|ሰራሕተኛ|ጎረቤት|መኪና
    """,
})

# ---------------------------------------------------------------------------------------------
# French
# ---------------------------------------------------------------------------------------------
LANGS["french"] = ("latin", {
    0: r"""
        chauffage\w*|chaudi[èe]re\w*|radiateur\w*|eau chaude|thermostat\w*|gaz|vanne\w*|chauffe-eau
        ballon d['’]eau chaude|convecteur\w*
    """,
    1: r"""
        robinet\w*|toilette\w*|wc|chasse d['’]eau|cuvette\w*|douche\w*|baignoire\w*|[ée]vier\w*|lavabo\w*
        tuyau\w*|canalisation\w*|fuite\w*|fuit|gouttes? d['’]eau|goutte\w* [àa] goutte|[ée]coulement\w*
        bouch[ée]e?s?|plombier\w*|plomberie|machine [àa] laver|lave-linge|siphon\w*|chasse\w* d.eau|[ée]gout\w*
    """,
    2: r"""
        humidit[ée]|humide\w*|moisissure\w*|moisi\w*|condensation|plafond\w*|mur|murs|pl[âa]tre\w*|toit\w*
        goutti[èe]re\w*|tuile\w*|ardoise\w*|infiltration\w*|tache\w*|chemin[ée]e\w*|grenier\w*|combles
        isolation|fissure\w*|salp[êe]tre
    """,
    3: r"""
        prises? [ée]lectriques?|prises? de courant|interrupteur\w*|lumi[èe]re\w*|[ée]clairage\w*|ampoule\w*
        ventilat\w*|vmc|hotte\w*|[ée]lectri\w*|coupure\w* de courant|plus de courant|pas de courant
        fusible\w*|disjonct\w*|c[âa]blage\w*|lampe\w*|tableau [ée]lectrique
    """,
    4: r"""
        porte(?! plainte)|portes|fen[êe]tre\w*|serrure\w*|poign[ée]e\w*|charni[èe]re\w*|loquet\w*|verrou\w*
        vitre\w*|vitrage\w*|ch[âa]ssis|cl[ée]|cl[ée]s|clef\w*|bo[îi]te aux lettres|volet\w*|baie vitr[ée]e
    """,
    5: r"""
        cuisini[èe]re\w*|le four|du four|au four|mon four|plaque\w* de cuisson|plaque\w* [àa] induction
        plan de travail|placard\w*|tiroir\w*|meuble\w* de cuisine|hotte de cuisine
    """,
    6: r"""
        grillage\w*|portail\w*|trottoir\w*|abri de jardin|cabanon\w*|jardin\w*|haie\w*|gazon|pelouse\w*
        herbe\w*|arbre\w*|poubelle\w*|conteneur\w*|vide-ordures|banc|bancs|cl[ôo]ture du jardin
    """,
    7: r"""
        ascenseur\w*|interphone\w*|digicode\w*|sonnette\w*|escalier\w*|rampe\w*|palier\w*|couloir\w*
        caméra\w*|cameras? de surveillance|parties communes|hall d['’]entr[ée]e|badge\w*|vid[ée]osurveillance|cage d['’]escalier
    """,
    8: r"""
        alarme\w*|d[ée]tecteur\w*|fum[ée]e\w*|monoxyde|sprinkler\w*
    """,
    9: r"""
        sol|sols|plancher\w*|parquet\w*|moquette\w*|tapis|lino|linol[ée]um|vinyle|plinthe\w*|carrelage\w*
    """,
    "other": r"""
        loyer\w*|charges|frais|rembours\w*|arri[ée]r[ée]\w*|impay[ée]\w*|dette\w*|facture\w*|courrier\w*
        lettre\w*|relev[ée]\w*|compte\w*|adresse\w*|mutation\w*|d[ée]m[ée]nag\w*|[ée]change de logement
        demande de logement|liste d['’]attente|personnel|agent\w*|employ[ée]\w*|impoli\w*|grossi[eè]r\w*
        irrespectu\w*|mal parl[ée]|cri[ée]\w*|hurl\w*|service client\w*|mis en attente|raccroch\w*|voisin\w*
        bruit\w*|musique\w*|chien\w*|drogue\w*|stationnement|se garer|m[ée]nage|nettoyage|gardien\w*
        concierge\w*|indemnis\w*|indemnit[ée]\w*|d[ée]dommag\w*|des excuses de|excuses officielles|pr[ée]senter des excuses|enqu[êe]te de satisfaction
    """,
    "tied": r"""
        toujours|encore|de nouveau|[àa] nouveau|d[ée]j[àa]|signal[ée]\w*|j['’]ai pr[ée]venu|je vous ai dit
        pr[ée]venu\w*|(?:\d+|plusieurs|deux|trois|quatre|des) (?:semaines|mois|ans|ann[ée]es)
        (?:deuxi[èe]me|troisi[èe]me|2e|3e) fois|parce que|parce qu|car|[àa] cause|caus[ée]\w*|provoqu[ée]\w*
        d[ûu] [àa]|revenu\w*|r[ée]appar\w*|technicien\w*|plombier\w*|[ée]lectricien\w*|ouvrier\w*|artisan\w*
        prestataire\w*|install[ée]\w*|remplac[ée]\w*|r[ée]par[ée]\w*|changé\w*|voisin\w*|du dessus
        d['’]en haut|d['’][àa] c[ôo]t[ée]|voiture\w*|v[ée]hicule\w*|pire|aggrav\w*|rats|souris|cafards
        nuisibles
    """,
})

# ---------------------------------------------------------------------------------------------
# Italian
# ---------------------------------------------------------------------------------------------
LANGS["italian"] = ("latin", {
    0: r"""
        riscaldament\w*|caldaia\w*|caldaie|termosifon\w*|radiator\w*|acqua calda|termostat\w*|gas
        valvol\w*|scaldabagno|stufa\w*
    """,
    1: r"""
        rubinett\w*|gabinett\w*|sciacquone\w*|doccia\w*|docce|vasca\w*|lavandin\w*|lavell\w*|tubi|tubo
        tubatur\w*|perdit\w* d['’]acqua|perde acqua|perdono acqua|gocciol\w*|scarico|scarichi|intasat\w*|otturat\w*
        idraulic\w*|lavatrice\w*|sifone\w*|bidet|wc|tazza del water
    """,
    2: r"""
        umidit[àa]|umid[oaie]|muffa\w*|condensa\w*|soffitt\w*|muro|muri|pareti|parete|intonac\w*|tett\w*
        grondai\w*|tegol\w*|infiltrazion\w*|macchia|macchie|camino|camini|canna fumaria|solaio|isolament\w*|crepa|crepe
        crepat\w*|fessur\w*
    """,
    3: r"""
        presa elettrica|prese elettriche|presa della corrente|interruttor\w*|luce|luci|lampadin\w*|illuminazion\w*
        ventol\w*|ventilator\w*|aspirator\w*|cappa|elettric\w*|senza corrente|manca la corrente|corrente elettrica
        fusibil\w*|salvavita|cablaggi\w*|blackout|lampad\w*
    """,
    4: r"""
        porta|porte(?! plainte)|portone|finestr\w*|serratur\w*|maniglia\w*|maniglie|cardin\w*|chiavistello|vetr\w*
        infiss\w*|telaio|chiave|chiavi|cassetta delle lettere|buca delle lettere|guarnizion\w*|serrand\w*
        tapparell\w*|persiane|persiana
    """,
    5: r"""
        cucina a gas|fornell\w*|forno|forni|piano cottura|piano di lavoro|pensil\w*|armadiett\w*|cassett[oi]
        mobili della cucina
    """,
    6: r"""
        recinzion\w*|recint\w*|cancello|cancelli|cancelletto|vialett\w*|sentier\w*|marciapied\w*|capanno\w*
        giardin\w*|siep\w*|erba|prato|albero|alberi|bidon\w*|cassonett\w*|spazzatur\w*|rifiuti|panchin\w*
        cortile
    """,
    7: r"""
        ascensor\w*|citofon\w*|campanell\w*|scala|scalinata|scalini|le scale|delle scale|sulle scale|nelle scale|per le scale|corriman\w*|ringhiera\w*
        pianerottol\w*|corridoi\w*|androne|telecamer\w*|parti comuni|videosorveglianza
    """,
    8: r"""
        allarm\w*|rilevator\w*|sensor\w*|fumo|monossido|sprinkler
    """,
    9: r"""
        pavimento\w*|pavimenti|moquette|tappet\w*|linoleum|parquet|battiscopa|piastrell\w*
    """,
    "other": r"""
        affitto\w*|canone|addebit\w*|spese|tariffa\w*|rimbors\w*|arretrat\w*|morosit[àa]|debito\w*
        bollett\w*|fattura\w*|lettera|lettere|estratto conto|conto corrente|sul (?:mio )?conto|dal (?:mio )?conto|indirizzo\w*|trasferiment\w*|trasloc\w*
        cambio alloggio|domanda (?:di|per) (?:casa|alloggio|trasferimento|cambio)\w*|graduatoria|lista d['’]attesa|personale|dipendent\w*|impiegat\w*
        addett\w*|funzionari\w*|maleducat\w*|scortes\w*|sgarbat\w*|urlat\w*|urla\w*|grida\w*|gridat\w*
        centralino|numero verde|servizio clienti|riattaccat\w*|vicini|vicino di casa|vicina di casa
        vicinato|rumor\w*|musica\w*|cane|cani|droga|droghe|parcheggi\w*|pulizi\w*|portiere|portinai\w*
        custode|risarciment\w*|indennizz\w*|delle scuse|scuse formali|chiesto scusa|condominio\w*|sondaggio\w*
    """,
    "tied": r"""
        ancora|di nuovo|nuovamente|un['’]altra volta|gi[àa]|segnalat\w*|ho segnalato|vi ho detto|avvisat\w*
        (?:\d+|alcune|alcuni|diverse|diversi|due|tre|quattro|molte|molti|da) (?:settimane|mesi|anni)
        (?:seconda|terza) volta|perch[ée]|a causa|causat\w*|provocat\w*|dovut\w* a|tornat\w*|ricompars\w*
        tecnic\w*|idraulico|idraulici|elettricist\w*|operai\w*|ditta|impresa|installat\w*|montat\w*
        sostituit\w*|riparat\w*|aggiustat\w*|cambiat\w*|vicini|vicino di casa|vicina di casa|di sopra
        del piano di sopra|appartamento (?:accanto|sopra)|macchina|auto|automobil\w*|stesso|stessa|peggio
        peggiorat\w*|topi|ratti|scarafaggi
    """,
})

# ---------------------------------------------------------------------------------------------
# Russian
# ---------------------------------------------------------------------------------------------
LANGS["russian"] = ("latin", {
    0: r"""
        отоплени\w*|батаре\w*|радиатор\w*|котел|котёл|котла|котлом|котле|котлу|горяч\w* вод\w*|термостат\w*
        газ|газа|газом|газу|газе|газов\w*|клапан\w*|обогревател\w*|колонк\w*|бойлер\w*
    """,
    1: r"""
        кран|крана|краном|кране|краны|кранов|смесител\w*|унитаз\w*|туалет\w*|бачок|бачк\w*|смыв\w*|душ
        душа|душе|душем|душев\w*|ванна|ванну|ванны|ванне|раковин\w*|мойк\w*|труба|трубы|трубу|трубе|трубой|труб|трубам
        трубами|трубах|трубопровод\w*|протека\w*|теч[её]т|течь|протечк\w*|подтека\w*|капа[ею]т\w*
        канализац\w*|засор\w*|забил\w*|слив\w*|сантехник\w*|стиральн\w* машин\w*|сифон\w*
    """,
    2: r"""
        сырост\w*|сыр[оа]я|влажн\w*|плесен\w*|плесн\w*|грибок|грибк\w*|конденсат\w*|потол\w*|стен\w*
        штукатур\w*|крыш\w*|кровл\w*|водосто\w*|желоб\w*|жёлоб\w*|черепиц\w*|плитк\w*|шифер\w*|пятно
        пятна|пятен|пятнами|пятнах|пятном|дымоход\w*|чердак\w*|чердач\w*|утеплен\w*|изоляц\w*|трещин\w*
        подт[её]к\w*
    """,
    3: r"""
        розетк\w*|выключател\w*|свет|света|светом|свете|светильник\w*|освещени\w*|лампочк\w*|ламп\w*
        вентилятор\w*|вытяжк\w*|электрич\w*|электросет\w*|электропровод\w*|электроэнерги\w*|электрощит\w*
        предохранител\w*|пробки выбило|выбива\w*|проводк\w*|щиток|щитк\w*|автомат\w* выбива\w*
    """,
    4: r"""
        двер\w*|окн\w*|окон|оконн\w*|замок|замка|замку|замком|замке|замки|ручк\w*|петл\w*|стекл\w*|рама
        рамы|раме|раму|рамой|рамами|ключ\w*|почтов\w* ящик\w*|уплотнител\w*|задвижк\w*|щеколд\w*
        подоконник\w*
    """,
    5: r"""
        плит[аыеуо]|плитой|духовк\w*|варочн\w*|столешниц\w*|шкаф\w*|ящик\w*|кухонн\w* гарнитур\w*
    """,
    6: r"""
        забор\w*|огражден\w*|ограда|калитк\w*|ворот\w*|дорожк\w*|тротуар\w*|сарай\w*|сад|сада|саду|садом
        садик\w*|огород\w*|изгород\w*|трава|траву|травы|травой|газон\w*|дерево|деревья|деревьев|дерева
        деревом|деревьями|мусор\w*|контейнер\w*|скамейк\w*|лавочк\w*|двор|двора|дворе|двором
    """,
    7: r"""
        лифт\w*|домофон\w*|лестниц\w*|перил\w*|лестничн\w* площадк\w*|площадк\w*|коридор\w*|подъезд\w*
        камер\w*|видеонаблюден\w*|мест\w* общего пользования
    """,
    8: r"""
        сигнализац\w*|датчик\w*|извещател\w*|дым|дыма|дымом|дыму|дымов\w*|задымлен\w*|угарн\w*|пожарн\w*
    """,
    9: r"""
        пол|пола|полу|полом|напольн\w*|ковр\w*|ковёр|ковер|ковролин\w*|линолеум\w*|ламинат\w*|паркет\w*
        плинтус\w*
    """,
    "other": r"""
        аренд\w*|квартплат\w*|оплат\w*|плат[её]ж\w*|сбор\w*|возврат\w*|задолженност\w*|долг|долга|долгу
        долгом|долги|долгов|сч[её]т|сч[её]та|сч[её]те|сч[её]том|сч[её]ту|сч[её]тов|квитанц\w*|письм\w*
        выписк\w*|адрес\w*|переезд\w*|обмен\w* жиль\w*|заявлени\w*|очеред\w* на жиль\w*|в очереди на
        лист ожидания|сотрудник\w*|персонал\w*|груб\w*|хамств\w*|нахамил\w*|хамил\w*|хамск\w*|крич\w*
        накрич\w*|колл?-центр\w*|горяч\w* лини\w*|повесил\w* трубку|бросил\w* трубку|на линии|сосед\w*
        шум\w*|музык\w*|собак\w*|пёс|пес|наркот\w*|парковк\w*|стоянк\w*|уборк\w*|уборщиц\w*|клининг\w*
        консьерж\w*|дворник\w*|вахт[её]р\w*|компенсац\w*|возмещени\w*|извинени\w*|извинил\w*|извиниться
        коммунальн\w*|опрос\w*
    """,
    "tied": r"""
        вс[её] ещ[её]|до сих пор|по-прежнему|опять|снова|вновь|уже(?! не)|сообщал\w*|сообщил\w*|заявк\w*
        говорил\w*|жаловал\w*|(?:\d+|несколько|пару|две|два|три|четыре|пять|много) (?:недел\w*|месяц\w*|лет|год\w*)
        неделями|месяцами|годами|второй раз|третий раз|в который раз|повторно|потому что|из-за|так как
        вызва\w*|вернул\w*|возобновил\w*|мастер\w*|сантехник\w*|электрик\w*|рабоч\w*|подрядчик\w*|техник\w*
        установил\w*|установлен\w*|поставил\w*|заменил\w*|заменен\w*|замен[её]н\w*|починил\w*|починен\w*
        отремонтировал\w*|чинил\w*|сосед\w*|сверху|этажом выше|с верхнего этажа|из квартиры сверху
        автомобил\w*|(?<!стиральная )(?<!стиральной )(?<!стиральную )машин\w*|тот же|та же|то же самое
        такая же|хуже|ухудш\w*|крыс\w*|мыши|мышей|тараканы?|тараканов
    """,
})

# ---------------------------------------------------------------------------------------------
# Ukrainian
# ---------------------------------------------------------------------------------------------
LANGS["ukrainian"] = ("latin", {
    0: r"""
        опален\w*|батаре\w*|радіатор\w*|котел|котла|котлом|котлі|котлу|гаряч\w* вод\w*|термостат\w*|газ
        газу|газом|газі|газов\w*|клапан\w*|обігрівач\w*|бойлер\w*|колонк\w*
    """,
    1: r"""
        кран|крана|краном|крані|крани|кранів|змішувач\w*|унітаз\w*|туалет\w*|бачок|бачк\w*|злив\w*|душ
        душі|душем|душов\w*|ванна(?! кімнат)|ванну|раковин\w*|мийк\w*|труба|труби|трубу|трубі|трубою|труб|трубами|трубах
        тече|протіка\w*|протікан\w*|протіканн\w*|капа[єю]\w*|каналізац\w*|засмічен\w*|забил\w*
        сантехнік\w*|пральн\w* машин\w*|сифон\w*
    """,
    2: r"""
        волог\w*|пліснява|пліснял\w*|плісняв\w*|пліснь\w*|грибок|грибк\w*|конденсат\w*|стел[яіею]\w*|стін\w*
        штукатур\w*|дах|даху|дахом|дасі|покрівл\w*|ринв\w*|жолоб\w*|черепиц\w*|плитк\w*|шифер\w*|пляма
        плями|плям|плямою|димар\w*|димохід\w*|димоход\w*|горищ\w*|утеплен\w*|ізоляц\w*|тріщин\w*
    """,
    3: r"""
        розетк\w*|вимикач\w*|світло|світла|світлом|світлі|світильник\w*|освітлен\w*|лампочк\w*|ламп\w*
        вентилятор\w*|витяжк\w*|електрик\w*|електрич\w*|електроенерг\w*|електромереж\w*|запобіжник\w*
        проводк\w*|щиток|щитк\w*|вибива\w*|пробки
    """,
    4: r"""
        двер\w*|вікн\w*|вікон|віконн\w*|замок|замка|замку|замком|замки|ручк\w*|петл\w*|скло|скла|склом
        склі|склопакет\w*|рама|рами|рамі|раму|рамою|ключ\w*|поштов\w* скриньк\w*|ущільнювач\w*|засув\w*
        підвіконня
    """,
    5: r"""
        плит[аиіуо]|плитою|духовк\w*|варильн\w*|стільниц\w*|шаф\w*|шухляд\w*|кухонн\w* гарнітур\w*
    """,
    6: r"""
        паркан\w*|огорож\w*|хвіртк\w*|ворот\w*|доріжк\w*|тротуар\w*|сарай\w*|сад|саду|садом|садок
        живопліт\w*|трава|траву|трави|травою|газон\w*|дерево|дерева|деревом|дерев|смітт\w*|смітник\w*
        контейнер\w*|лавочк\w*|двір|двору|подвір\w*
    """,
    7: r"""
        ліфт\w*|домофон\w*|сход\w*|перил\w*|майданчик\w*|коридор\w*|під['’]?їзд\w*|камер\w*|відеоспостереж\w*
        місц\w* загального користування
    """,
    8: r"""
        сигналізац\w*|датчик\w*|сповіщувач\w*|дим|диму|димом|задимлен\w*|чадн\w*|пожежн\w*
    """,
    9: r"""
        підлог\w*|підлоз\w*|килим\w*|ковролін\w*|лінолеум\w*|ламінат\w*|паркет\w*|плінтус\w*
    """,
    "other": r"""
        оренд\w*|квартплат\w*|оплат\w*|платіж\w*|платеж\w*|збір|збору|поверненн\w* кошт\w*|повернути кошти
        заборгован\w*|борг|боргу|боргів|борги|рахун\w*|квитанц\w*|лист|листа|листом|листи|листів|виписк\w*
        адрес\w*|переїзд\w*|обмін житла|заява|заяви|заяву|заявою|квартирн\w* облік\w*|квартирн\w* черг\w*
        черг\w* на житло|лист очікування|персонал\w*|співробітник\w*|груб\w*|хамств\w*|нахамил\w*|хамськ\w*
        крич\w*|накрич\w*|колл?-центр\w*|контакт-центр\w*|гаряч\w* лін\w*|поклал\w* слухавк\w*|сусід\w*
        шум\w*|галас\w*|музик\w*|собак\w*|пес|пса|наркот\w*|паркуван\w*|стоянк\w*|прибиран\w*
        прибиральниц\w*|двірник\w*|консьєрж\w*|компенсац\w*|відшкодуван\w*|вибаченн\w*|вибачил\w*
        вибачитися|комунальн\w*|опитуван\w*
    """,
    "tied": r"""
        досі|все ще|ще досі|знову|знов|вже(?! не)|повідомля\w*|повідомил\w*|казал\w*|скаржил\w*|заявк\w*
        (?:\d+|кілька|декілька|пару|два|дві|три|чотири|п['’]ять|багато) (?:тижн\w*|місяц\w*|рок\w*|років)
        тижнями|місяцями|роками|вдруге|втретє|другий раз|третій раз|повторно|тому що|бо|через те що|через це|через них|спричин\w*
        внаслідок|повернул\w*|майстер\w*|майстр\w*|сантехнік\w*|електрик\w*|робітник\w*|підрядник\w*
        технік\w*|встановил\w*|встановлен\w*|поставил\w*|замінил\w*|замінен\w*|полагодил\w*|відремонтува\w*
        сусід\w*|зверху|поверхом вище|з квартири зверху|автомобіл\w*
        (?<!пральна )(?<!пральної )(?<!пральну )машин\w*|той самий|те саме|така сама|гірше|погірш\w*
        щур\w*|миш\w*|таргани?|тарганів
    """,
})

# ---------------------------------------------------------------------------------------------
# Hindi/Urdu in Latin script (romanised)
# ---------------------------------------------------------------------------------------------
LANGS["roman_hindi_urdu"] = ("latin", {
    0: r"""
        gar(?:a|ha)?m pa+ni|garam paani|geezer|geyser
    """,
    1: r"""
        nalka|nalke|nal|tonti|tonte|nali|naali|tapak\w*|pani tapak\w*|pani leak\w*|pani beh\w*
    """,
    2: r"""
        seelan|silan|nami|deewar\w*|diwar\w*|deewaar\w*|diwaar\w*|chhat|chhath|phaphoond\w*
        phaphundi|phapundi|daag|daagh|daraar\w*
    """,
    3: r"""
        bijli|bijlee|bijali|batti|battiyan|battiya|pankha|pankhe
    """,
    4: r"""
        darwaza|darwaze|darvaza|darvaze|darwaja|darwaje|khidki\w*|khirki\w*|taala|taale|chabi|chaabi
        chaabiyan|sheesha|sheeshe|kundi
    """,
    5: r"""
        chulha|chulhe|almari|almaari|daraz
    """,
    6: r"""
        kachra|kachre|kooda|kuda|koode|bagicha|baghicha|ghaas|darakht
    """,
    7: r"""
        seedhi|seedhiyan|sidhi|sidhiyan|seerhi|seerhiyan
    """,
    8: r"""
        dhuan|dhuaan|dhuwan|dhuwaan
    """,
    9: r"""
        farsh|farash|qaleen|kaleen
    """,
    "other": r"""
        kiraya|kiraaya|kiraye|kiraya|bakaya|chithi|chitthi|khat|padosi\w*|parosi\w*|hamsaye|hamsaya
        shor|kutta|kutte|badtameez\w*|badtamiz\w*|chilla\w*|muavza|muawza|muaavza|maafi|mafi|safai
        daftar|afsar
    """,
    "tied": r"""
        abhi bhi|ab bhi|ab tak|abhi tak|phir se|dobara|dubara|pehle hi|pehle se|pahle hi|bataya tha
        shikayat ki thi|(?:\d+|do|teen|char|kai|kaafi|kafi) (?:hafte|haftay|mahine|mahiney|saal)
        doosri baar|dusri baar|teesri baar|tisri baar|kyunki|kyonki|ki wajah se|wajah se|wapas aa gaya
        wapis aa gaya|mistri|karigar|lagaya|badla|badal diya|theek kiya|thik kiya|padosi\w*|parosi\w*
        hamsaye|upar wale|neeche wale|gaadi|gari|wahi|wohi|chuhe
    """,
})

# ---------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------

def _build(key) -> str:
    """One source for a key (0-9, "other", "tied"): an alternative per language. Each is wrapped
    so that `triage.rule_engine` keeps it whole (one compiled pattern per language, gated by the
    needles of all its words) rather than splitting it into thousands of words to compile."""
    return "|".join(f"(?:(?:{pattern}))" for pattern in per_language(key).values())


def per_language(key) -> dict[str, str]:
    """Each language's pattern for a key (0-9, "other", "tied")."""
    return {name: (_latin if script == "latin" else _bare)(table[key])
            for name, (script, table) in LANGS.items()}


HOME_SYSTEMS_ABROAD: tuple[str, ...] = tuple(_build(i) for i in range(10))
OTHER_MATTER_ABROAD: str = _build("other")
TIED_ABROAD: str = _build("tied")
