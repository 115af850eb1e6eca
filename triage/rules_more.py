"""More rule tables: wordings residents use beyond the core tables in rules.py.

Written from the training corpus's later files, whose wordings the core tables missed: hazards
grouped by the guide's list (gas and fumes, electrics, water meeting electrics, fire safety,
structural danger and falls, threats of violence), cold homes, new repairs raised in thanks or
surveys, and more ways of escalating, disclosing vulnerability, writing for someone, abusing
staff and saying no reply is needed, with the same cues in the other languages residents write
in. Matched like the core tables: lower-cased text with quoted history removed.
"""

from __future__ import annotations

import re

from triage import rules
from triage.rule_engine import compile_all

NEAR = r"[^.\n]{0,60}"
ELECTRICAL = (r"(?:socket|plug|switch|fuse ?box|fuse board|consumer unit|meter (?:box|cupboard)|"
              r"electric meter|wiring|cable|light fitting|isolator|cooker hood|extractor|"
              r"electric shower|shower unit|heater|storage heater)")
FAULT = (r"(?:buzz\w*|crackl\w*|sizzl\w*|scorch\w*|smok\w*|burning|burnt|melt\w*|hot to (?:the )?"
         r"touch|went bang|banged|flash\w*|arc\w*)")
MORE_HAZARDS = compile_all(
    # Gas and carbon monoxide
    r"\bgas\b[^.\n]{0,20}\b(?:smell\w*|leak\w*|escap\w*)|\bsmell\w*\b[^.\n]{0,25}\bgas\b|"
    r"\b(?:co|carbon monoxide) (?:alarm|detector)\b[^.\n]{0,40}(?<!n't )(?<!not )(?<!never )"
    r"\b(?:going off|gone off|went off|sound\w*|beep\w*|scream\w*|alarm\w*|activat\w*|trigger\w*|"
    r"flash\w*)|\bcarbon monoxide\b"
    r"[^.\n]{0,20}\b(?:poison\w*|leak\w*|fumes|levels?|reading|symptoms)\b",
    r"\bblack (?:marks|soot|staining)\b[^.\n]{0,40}\b(?:flue|boiler|fire)\b|\bsoot\w*\b[^.\n]{0,30}"
    r"\b(?:flue|boiler|gas fire)\b",
    # Electrics
    rf"\b{ELECTRICAL}\b{NEAR}\b{FAULT}\b|\b{FAULT}\b{NEAR}\b{ELECTRICAL}\b",
    r"\bburning (?:plastic|rubber|electrical) smell\b|\bsmell\w* (?:of |like )?burning\b|"
    r"\belectrics? (?:have |has |keep |keeps )?(?:tripped|tripping|gone off)\b[^.\n]{0,40}"
    r"\b(?:water|leak|wet)\b|\b(?:water|leak\w*)\b[^.\n]{0,60}\belectrics? (?:have |has )?trip\w*",
    r"\b(?:coming|pouring|dripping|leaking|running|pissing) (?:out of|through|from|into|down) "
    r"(?:the |my |our |a )?(?:\w+ )?(?:light ?fittings?|lights?|ceiling lights?|sockets?|fuse ?box|"
    r"switch(?:es)?|consumer unit)\b",
    # Water
    r"\bwater\b[^.\n]{0,20}\b(?:pouring|gushing|streaming|flooding|running) (?:down|through|in|"
    r"into|out)\b|\bceiling\b[^.\n]{0,30}\b(?:bulg\w*|sag\w*|bowing|giving way)\b|"
    r"\b(?:no|without) (?:running )?water (?:at all|supply)\b|\bno water\b[^.\n]{0,30}\b(?:taps?|"
    r"toilet|flush)\b|\bsewage\b|\braw sewage\b|\b(?:only|one) toilet\b[^.\n]{0,40}\b(?:blocked|"
    r"overflow\w*|not flush\w*|broken)\b",
    # Fire safety
    r"\b(?:smoke|fire|heat) (?:alarms?|detectors?)\b[^.\n]{0,60}\b(?:not work\w*|haven'?t work\w*|"
    r"hasn'?t work\w*|don'?t work|doesn'?t work|do not work|does not work|never work\w*|dead|"
    r"removed|taken down|disconnected|ripped|covered|no batter\w*)\b",
    r"\bfire (?:exit|escape|door)s?\b[^.\n]{0,60}\b(?:propped|wedged|blocked|obstructed|locked|"
    r"padlocked|won'?t (?:close|shut|latch)|doesn'?t (?:close|shut|latch)|broken|removed)\b|"
    r"\b(?:stair(?:s|well|way)|corridor|landing|escape (?:stairs|route)|exit)\b[^.\n]{0,50}"
    r"\b(?:blocked|can'?t get past|cannot get past|no way (?:out|down))\b|\bno way (?:out|down) if\b",
    r"\bcaught (?:fire|alight)\b|\blit (?:paper|rags?|cloth)\b|\bpetrol (?:cans?|poured)\b|"
    r"\bsmell of smoke\b|\bsmoke (?:coming|pouring|filling)\b",
    # Structure and falls
    r"\b(?:window|frame|balcony|render|slab|step|stairs|staircase|ceiling|hoist|railings?|wall|"
    r"chimney|roof tiles?|coping|canopy|bannister|banister|glass|pane)\b[^.\n]{0,60}\b(?:coming "
    r"(?:away|out of (?:its|the) frame)|come away|came away|hanging off|hanging down|pulling (?:out|away)|broken away|breaking "
    r"away|dropped|about to (?:fall|give way|come down)|could fall|might fall|will fall|fall (?:on|"
    r"onto|out)|land on|rotted through|moves? when|tips?\b|give way|gave way|swinging|daylight "
    r"through|falling (?:out|off|down|in))",
    r"\b(?:window|restrictor)\b[^.\n]{0,60}\b(?:child|children|toddler|kids?|son|daughter|baby)\b"
    r"[^.\n]{0,60}\b(?:fall|open|climb)\w*|\bfall (?:out|from) (?:of )?(?:the |a )?window\b",
    # Threats of violence
    r"\bthreat\w*\b[^.\n]{0,60}\b(?:brick|kill\w*|stab\w*|knife|hurt|smash|head in|do me in|"
    r"petrol|acid)\b|\b(?:brick|bottle|acid) (?:through|at|in) (?:my|our|his|her)\b",
    r"\b(?:i'?m|you'?re|ur|youre) ['‘’\"]?dead\b|\bsort (?:me|us) out\b|\bscared to (?:leave|go out of) "
    r"(?:the|my) (?:flat|house|home)\b",
    r"\b(?:tiles?|slates?|bricks?|coping stones?|branch(?:es)?|tree)\b[^.\n]{0,40}\b(?:falling|fell|"
    r"came down|come down|hanging loose|smashed|crashed)\b",
    r"\b(?:overflowing|won'?t stop)\b[^.\n]{0,40}\bwater\b|\bwater (?:going|getting|spreading|"
    r"seeping) (?:under|into|through|everywhere)\b",
    r"\b(?:needles?|syringes?)\b[^.\n]{0,60}\b(?:play\w*|sandpit|child\w*|kids?|year old|picked)",
    r"\b(?:oxygen|concentrator|dialysis|ventilator|hoist|stair ?lift|nebuli[sz]er)\b[^.\n]{0,60}"
    r"\b(?:cut\w* out|tripp\w*|no power|not working|keeps? going off)",
    r"\b(?:restrictor|latch)\b[^.\n]{0,40}\b(?:snapped|broken|missing|gone)\b|\bfire doors?\b"
    r"[^.\n]{0,60}\b(?:off (?:its|the) hinges|don'?t shut|won'?t shut|swing\w*)\b|"
    r"\b(?:smoke (?:alarm|detector)s?)\b[^.\n]{0,40}\b(?:hanging|taken down|missing|never put)\b|"
    r"\bno smoke alarms?\b|\bno way out\b|\bpadlock\w*\b[^.\n]{0,40}\bfire\b|"
    r"\bfire exit\b[^.\n]{0,60}\b(?:chain\w*|padlock\w*)\b",
    r"\bbroken into\b[^.\n]{0,80}\b(?:won'?t (?:close|lock)|can'?t (?:lock|close)|not secure)\b|"
    r"\bdoor\b[^.\n]{0,30}\b(?:won'?t (?:close|shut) or lock|doesn'?t (?:close|lock) at all)\b|"
    r"\b(?:kick|kicked|smash|smashed) (?:the|my) door (?:in|down)\b",
    r"\bflue\b[^.\n]{0,40}\b(?:disconnected|cracked|loose|come apart|split)\b|\b(?:gas|calor) "
    r"(?:bottles?|cylinders?)\b[^.\n]{0,60}\b(?:stored|cupboard|stairwell|corridor|landing)\b",
    r"\bbulg\w*\b[^.\n]{0,40}\b(?:full of water|water)\b|\b(?:concrete|plaster|masonry|render)\b"
    r"[^.\n]{0,30}\b(?:fell|falling|came down|dropped) (?:on|onto|off|from)\b|\bbranch\b"
    r"[^.\n]{0,60}\broof\b|\b(?:landing|steps?|stairs)\b[^.\n]{0,40}\bhas dropped\b",
    r"\bcut (?:her|him|me|you|us)\b|\b(?:waved|waving|brandish\w*) (?:a|an) (?:\w+ )?(?:hammer|"
    r"knife|bat|machete|bar)\b|\bburning (?:paper|rags?)\b|\b(?:said|says|saying) (?:he'?s|"
    r"she'?s|they'?re) coming back\b",
    # Other languages: gas, fire and sparks, water through lights, threats to kill
    r"\bczu\w* gaz\b|\bzapach gazu\b|\bwyciek gazu\b|\bulatnia si[eę] gaz\b|\bhuele\w* a gas\b|"
    r"\bolor a gas\b|\bcheiro a g[aá]s\b|\bmiros de gaz\b|\bscurgere de gaz\b|\bgaz kokusu\b|"
    r"\bgaz kaçağı\b|\barogl nwy\b|گیس کی[^۔\n]{0,10}بو|رائحة غاز|ريحة غاز|গ্যাসের গন্ধ|"
    r"ਗੈਸ ਦੀ ਬੋ|煤气味|燃气味|\bsmell of gas\b",
    r"\bmon[oó]xido de carbono\b|\bmonossido di carbonio\b|\besgoto\b|"
    r"\baguas? residuales\b|\bcanalizare\b|\bteto\b[^.\n]{0,30}\b(?:cedendo|caindo|caiu)\b|"
    r"\btecho\b[^.\n]{0,30}\b(?:se cae|cayendo|hundi\w*)\b|\bbalcone\b[^.\n]{0,40}\b(?:staccato|"
    r"pericolant\w*)\b|\belektros? lizd\w*|\bpobije\b|\bpobi[ćc]\b|ਧਮਕੀ|تهدید|می‌کشد|"
    r"\bgas ki (?:boo|bu)\b|\bgaz\b[^.\n]{0,20}\b(?:kokusu|sızıntı\w*)\b|\bgwres wedi torri\b"
    r"[^.\n]{0,80}\b(?:rhewi|oer)\b|\bmoisissure\b[^.\n]{0,80}\b(?:enceinte|b[ée]b[ée]|tousse|"
    r"asthme)\b",
    r"\biskr\w*|\bsc[aâ]ntei\w*|\bchispa\w*|\bfa[ií]sca\w*|火花|冒火|\bkıvılcım\w*",
    r"\bzabij\w*|\bzabije\w*|\bno[żz]em\b|\bmatar\w*|\bmata-?te\b|\bomor\w*|\bcu?țitul?\b|"
    r"\böldür\w*|\bbıçak\w*|\bdilayo\b|القتل|بالقتل|سأقتل|ماروں گا|جان سے مار",
)

# No heating or hot water, beyond rules.HEATING_OUT: other languages.
HEATING_OUT_MORE = compile_all(
    r"\bnu avem (?:încălzire|incalzire)\b|\bnão temos aquecimento\b|\bdim gwres\b|"
    r"\bbrak ogrzewania\b|немає опалення|нет отопления|\bısıtma yok\b|\bkalorifer\w* (?:yok|"
    r"çalışmıyor)\b|হিটিং[^।\n]{0,30}নেই|\bheating (?:nahi|nahin)\b|ہیٹنگ[^۔\n]{0,30}نہیں",
    r"\bradiators? (?:have been |are |were )?(?:stone )?cold\b|\bno radiators? working\b|"
    r"\bheating (?:is )?not on\b|\b(?:boiler|heating) (?:has )?packed in\b|\bheating te garam "
    r"pani dono nahi\b|\bgwres wedi torri\b|\bcentrala termic[aă]\b|\bkombi bozuldu\b|"
    r"\bheatin'?s?\b[^.\n]{0,20}\b(?:packed|gone|broke|off|not)|\b(?:heating|boiler|hot water)"
    r"\b[^.\n]{0,30}\b(?:isn'?t working|is not working|won'?t (?:reset|come on|work|fire)|"
    r"shows? an? \w+ (?:error|fault)|keeps? (?:cutting|going) (?:out|off))",
)
# Cold indoors, or a cold spell, beyond rules.COLD_WEATHER.
COLD_MORE = compile_all(
    r"\b(?:house|flat|home|room) (?:at|was|is) (?:1[0-6]|[0-9])\s*(?:degrees|°)|\bfrozen\b|"
    r"\bsitting in (?:my|our|her|his) coats?\b|\brhewi\b|\bthand\w*\b|\bfriddo\b|"
    r"\b(?:1[0-6]|[0-9])\s*(?:degrees|°c?|c\b)\s*(?:in (?:the|his|her|my|our|their) \w+|inside|"
    r"indoors)|\b(?:room|flat|house|bedroom|lounge|living room|inside) (?:is|was|at|reads?) "
    r"(?:only )?(?:1[0-6]|[0-9])\s*(?:degrees|°)|\bminus\b|\bmróz\b|\bmroz\w*|\bfrig\b|\bfr[ií]o\b|"
    r"мороз|ঠান্ডা|\bsoğuk\b|\boer\b|\bwarm\b[^.\n]{0,20}\b(?:can'?t|cannot|unable)\b|"
    r"\b(?:can'?t|cannot|unable to) (?:keep|get) (?:warm|him warm|her warm|them warm)\b",
)
# Young, old or ill, beyond rules.VULNERABILITY (these matter for a cold home).
VULNERABLE_MORE = compile_all(
    r"\b(?:on|uses?|needs?) oxygen\b|\bbebe\w*|\bbebeluș\w*|\bniemowl\w*|\bdziecko\b|\bdzieci\b|"
    r"дитин\w*|\bbeb[eê]\b|\bbaby\b|\bchild(?:ren)?\b|\bkids\b|\b(?:[89]\d)\s*(?:years|yrs|y/?o)|"
    r"৮\d বছর|\bmonths? old\b|\b\d{1,2} days? old\b|\b[6-9]\d yaşında\b|\bhastası\b|"
    r"\b(?:7[5-9]|[89]\d) (?:lat|ani|años|anos)\b",
)
# A hazard told as over and dealt with, in thanks or a survey, is not an emergency now.
RESOLVED = compile_all(
    r"\b(?:fixed|sorted|resolved|made (?:it )?safe|repaired|replaced|all good now|came out|"
    r"finally|(?:now|all) gone|gone now|no longer|used to|treated|"
    r"was terrifying|last (?:week|wk|night|month|year|tuesday|monday|wednesday|thursday|friday|"
    r"saturday|sunday)|yesterday)\b",
)
WINTER_MONTHS = frozenset({11, 12, 1, 2, 3})

# A turn from thanks or comment to a further point, where a new repair is often raised.
TURN = compile_all(
    r"\b(?:but|only thing|one thing|slight problem|small problem|however|though|tho|although|"
    r"while i'?ve got you|whilst i'?ve got you|not sure who to tell|if anyone'?s about|"
    r"separate issue|can (?:someone|somebody|anyone|you|u)|could (?:someone|somebody|you|u)|"
    r"is anyone|pero|ale|dar|mas|ond)\b",
)
# More ways of turning to a new matter in a complaint or report.
NEW_ISSUE_MORE = compile_all(
    r"\b(?:while i remember|different issue|separately|in the middle of all this|while i'?m on|"
    r"one more thing|przy okazji|p\.?d\.?|totodat[aă]|is (?:someone|anyone|somebody) coming to "
    r"look at|(?:and )?now (?:the|my) \w+(?: \w+)? (?:has|have|is|'s) (?:gone|broken|stopped)|"
    r"has started|have started|started (?:leaking|dripping|running|overflowing))\b",
)
# "No new issue", "nothing new": not a new repair.
NO_NEW_ISSUE = re.compile(r"\b(?:no|not a|nothing) new (?:issue|problem|fault|repair)s?\b")
# The repair complained of, now worse: not a new one.
SAME_PROBLEM_WORSE = re.compile(
    r"\b(?:and now|now) (?:it'?s|it has|the (?:same )?\w+ (?:has|is))\b|\bsame (?:valve|leak|"
    r"problem|fault|pipe|part)\b|\bas well as the\b")
# Behaviour that is the report itself, not damage to put right.
ASB_NOT_DAMAGE = re.compile(r"\bset (?:on )?fire(?: to)?\b|\bsetting fires?\b")
# Defect words only (rules.DEFECT also has generic requests, too broad outside complaints).
DEFECT_WORDS = (rules.DEFECT[0], rules.DEFECT[2], *compile_all(
    r"\b(?:doesn'?t|won'?t|does not|will not|isn'?t|is not) (?:latch\w*|work\w*|open\w*|"
    r"clos\w*|lock\w*|turn\w* on|drain\w*|flush\w*|heat\w*)\b|\bflicker\w*|\bswings open\b|"
    r"\b(?:has|have) (?:gone|packed in|blown|failed)\b|\bsharp edge\b",
))

VULNERABILITY_MORE = compile_all(
    r"\b(?:son|daughter|child|kid|baby|boy|girl|grandson|granddaughter)\b[^.\n]{0,25}\b(?:is|'s|"
    r"aged|turned) (?:[0-4]|one|two|three|four)(?: (?:years?|months?)(?: old)?)?\b(?! (?:weeks|days|"
    r"times|o'?clock|pm|am|hours|minutes))",
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})[- ]months?[- ]old\b|"
    r"\b[0-4] ?(?:yo|y/o|yr old|year old)\b|\b(?:kids|children) aged [0-4]\b|\b\d months gone\b",
    r"\bhousebound\b|\bmotor neurone\b|\bon steroids\b|\bimmune system\b|\bprofoundly deaf\b|"
    r"\bon oxygen\b|\bsince (?:my|his|her) (?:stroke|operation|diagnosis|heart attack)\b|"
    r"\bterminal\w*\b|\bcancer\b|\bpalliative\b|\bmy anxiety\b|\bsevere (?:anxiety|depression)\b",
    r"dziećmi|\bdzieci\b|\bniemowl\w*|\bbebeluș\w*|\bbebe\b|\bbeb[eê]\b|أطفال\w*|أطفالي|بچے|"
    r"بچوں|باردار|حامله|дитин\w*|عمر \d{2} سال|বয়স [৭-৯][০-৯]|[૭-૯][૦-૯] વર્ષ|\bciąży\b|"
    r"\bînsărcinat\w*|\bembarazada\b|\bgrávida\b|\bhamile\b|\bbeichiog\b",
)
REPRESENTATIVE_MORE = compile_all(
    r"\b(?:writing|filling this in|emailing|messaging|contacting you|ringing|calling|posting) "
    r"(?:this )?(?:for|on behalf of) (?:my|our|her|his|a)\b",
    r"\bi'?m (?:her|his|their) (?:son|daughter|carer|grand\w+|neighbour|niece|nephew|advocate|"
    r"support worker|social worker)\b|\b(?:with|and) her (?:grand)?(?:daughter|son)\b[^.\n]{0,40}"
    r"\b(?:talking|spoke|speaking)\b",
    r"\bmy (?:elderly )?(?:mum|mom|dad|mother|father|nan|gran|grandad|grandma)(?:'s| is (?:\d{2}|"
    r"disabled|elderly|housebound|deaf|blind|in hospital)| has (?:had|been)| hasn'?t| can'?t| "
    r"lives)\b",
    r"کی طرف سے|পক্ষ থেকে|\bw imieniu\b|\bîn numele\b|\ben nombre de\b|\bem nome d[aeo]\b|"
    r"\bar ran\b|نيابة عن",
)
ESCALATION_MORE = compile_all(
    r"\b(?:your|the|ur) (?:reply|response|answer)\b[^.\n]{0,20}\b(?:was|is)\b"
    r"[^.\n]{0,15}\b(?:rubbish|useless|pathetic|wrong|not good enough|a joke|copy and paste|"
    r"insulting|a brush[- ]off)",
    r"\b(?:final|stage (?:1|one)) response\b|\bnext stage\b|\bombudsman next\b|"
    r"\bcomplain(?:t)? about the complaint\b|\b(?:closed|upheld) (?:my|the|her|his) complaint\b|"
    r"\bcomplaint (?:was |has been |got )?(?:closed|upheld|not upheld)\b|"
    r"\b(?:closed|upheld)\b[^.\n]{0,20}\bcomplaint\b",
    r"\b(?:want|like|request\w*|asking for|ask for) (?:my complaint|the complaint|the decision|"
    r"(?:it|this) (?:to be )?escalat\w*)|\bi want (?:a|it) review(?:ed)?\b|"
    r"\bescalate (?:it|this|my complaint)\b",
    r"إحالة شكو|\bdrugi etap\b|\bodwołani\w*|\betapa (?:a )?(?:2|doua)\b|\bsegunda etapa\b|"
    r"\bcam 2\b|\bikinci aşama\b",
)
ABUSIVE_MORE = compile_all(
    r"\b(?:is|are|you'?re|ur|you|she'?s|he'?s)\s+(?:a |an )?(?:[\w-]+[, ]+){0,2}(?:cow|idiots?|"
    r"morons?|clowns?|muppets?|bitch|bastards?|prats?|scum|liars?)\b|\blying (?:clowns|scum|"
    r"bastards|idiots)\b",
    r"\bproast[aă]\b|\bidio(?:ta|tă|ci|tas)\b|\bdebil\w*\b|\bkretyn\w*\b|\bpendej\w*\b",
    r"\bforeign (?:idiot|woman|man|bitch|scum|\w+ idiot)\b|\bgo back (?:where|to (?:your|their) "
    r"(?:own )?country)\b|\bsomeone (?:will|is going to|gonna|'?ll) get hurt\b|\bthieving\b|"
    r"\bb\*st\w*|\bf\*ck\w*|\bc\*nt\w*|\bsomeone english\b",
)
NO_RESPONSE_MORE = compile_all(
    r"\bnão precisa (?:de )?responder\b|\bno (?:hace falta|es necesario) (?:responder|contestar)\b|"
    r"\bnie (?:trzeba|musicie|oczekuj\w*) odp\w*|\bbez odpowiedzi\b|\bnu (?:este nevoie|trebuie) "
    r"s[aă] r[aă]spunde\w*|\bdim angen ateb\b|\bjawab (?:ki )?zaroorat nahi\b|"
    r"\bnot expecting (?:a |an )?(?:reply|response|answer)\b|\bno (?:reply|response|answer) "
    r"(?:needed|necessary|required|expected)\b|\bfyi\b|\bjust for your (?:info|information|records)\b",
)
