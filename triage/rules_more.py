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

from triage import rules, rules_abroad
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
    r"(?:the )?only (?:problem|issue|niggle|snag|downside|complaint)|(?:(?:one|a) )?(?:small|"
    r"little|tiny|minor|last) (?:thing|problem|issue|point|niggle)|s[oó] uma coisa|"
    r"s[oó]lo una cosa|una cosa m[aá]s|tylko jedno|jedna rzecz|doar un lucru|un singur lucru|"
    r"while i'?ve got you|whilst i'?ve got you|not sure who to tell|if anyone'?s about|"
    r"separate issue|(?:can|could) (?:someone|somebody|anyone|you|u)(?! (?:please )?(?:tell|let "
    r"me know|confirm|explain|advise|send me|email me|clarify|give me|check my|update me))|"
    r"is anyone|pero|ale|dar|mas|ond)\b",
)
# More ways of turning to a new matter in a complaint or report.
NEW_ISSUE_MORE = compile_all(
    r"\b(?:while i remember|different issue|separately|in the middle of all this|while i'?m on|"
    r"one more thing|przy okazji|p\.?d\.?|totodat[aă]|is (?:someone|anyone|somebody) coming to "
    r"look at|(?:and )?now (?:the|my) \w+(?: \w+)? (?:has|have|is|'s) (?:gone|broken|stopped|got a "
    r"(?:crack|hole|leak)|a (?:crack|hole|leak)|cracked|started)|"
    r"(?:has|have|'s|'ve) (?:just |now |only )?started (?:to )?(?:leak|drip|overflow|flicker|"
    r"trip|smell|crack|peel|rot|sag|block|beep|chirp|fail|fall|buzz|spark|hum|sink|lean|wobbl|"
    r"stick|jam|bulg|seep|stain|appear|come (?:away|loose|off|through|in)|coming (?:away|loose|"
    r"off|through|in))\w*|"
    r"started (?:leaking|dripping|running|overflowing))\b",
)
# "No new issue", "nothing new": not a new repair.
NO_NEW_ISSUE = re.compile(r"\b(?:no|not a|nothing) new (?:issue|problem|fault|repair)s?\b")
# The repair complained of, now worse: not a new one.
SAME_PROBLEM_WORSE = re.compile(
    r"\b(?:and now|now) (?:it'?s|it has|the (?:same )?\w+ (?:has|is)|the (?:whole|entire|rest of "
    r"the))\b|\bsame (?:valve|leak|problem|fault|pipe|part)\b|\bas well as the\b")
# Behaviour that is the report itself, not damage to put right.
ASB_NOT_DAMAGE = re.compile(r"\bset (?:on )?fire(?: to)?\b|\bsetting fires?\b")
# Clearing up after the behaviour (graffiti, fly-tipping, needles, fouling) is how the report itself
# is dealt with, not a new repair: the words of it are removed before damage is looked for.
ASB_CLEAN_UP = re.compile(
    r"\bgraffit\w*|\btags?\b|\bfly[- ]?tip\w*|\bdump(?:ed|ing)\b|\bneedles?\b|\bsyringes?\b|"
    r"\bfoil\b|\bglass pipe\b|\bas a toilet\b|\bglass everywhere\b|\b(?:remov|clean|clear|collect)\w*|"
    r"\btake (?:it |them )?away\b|\bget rid\b|\bpainted over\b|\bcovered\b|\brubbish\b|"
    r"\blitter\b|\bmattress\w*|\bbags?\b")
# Defect words only (rules.DEFECT also has generic requests, too broad outside complaints).
DEFECT_WORDS = (rules.DEFECT[0], rules.DEFECT[2], *compile_all(
    r"\b(?:doesn'?t|won'?t|does not|will not|isn'?t|is not) (?:latch\w*|work\w*|open\w*|"
    r"clos\w*|lock\w*|turn\w* on|drain\w*|flush\w*|heat\w*)\b|\bflicker\w*|\bswings open\b|"
    r"\b(?:has|have) (?:gone|packed in|blown|failed)\b|\bsharp edge\b",
))

VULNERABILITY_MORE = compile_all(
    r"\b(?:i'?m|i am|(?:he|she|mum|dad|mother|father|husband|wife) is|we are|we're|aged) "
    r"(?:now |nearly |almost |over )?(?:7[5-9]|[89]\d|10\d)\b(?! ?(?:minutes|mins|days|weeks|months|"
    r"times|pounds|quid|%|percent|pm|am|o'?clock|flats?|houses?|homes?|people|calls?))|\bat (?:7[5-9]|"
    r"[89]\d|10\d)(?=[,;!?]|\.(?!\d)| i\b| (?:years|yrs)\b)|\bin "
    r"(?:our|my|his|her|their) (?:late |mid |early )?(?:seventies|eighties|nineties)\b|\benceinte\b|"
    r"\bhamile\w*|حامل",
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
    r"\bar ran\b|نيابة عن|ਵੱਲੋਂ|\bu qorayaa\b",
    # "son of tenant Mrs ...", "Mrs Farah's son", "my friend Lisa ... has been waiting".
    r"\b(?:son|daughter|husband|wife|partner|brother|sister|carer|friend|neighbour|niece|nephew|"
    r"grand(?:son|daughter)) of (?:the )?(?:tenant|resident|mrs|mr|ms|miss)\b|\b(?:mrs|mr|ms|miss) "
    r"\w+(?: \w+)?'s (?:son|daughter|carer|grandson|granddaughter|nephew|niece)\b",
    r"\bmy (?:friend|neighbour|mate|sister|brother|aunt|uncle|cousin) [a-z]+ (?:in|at|from|on) "
    r"[^.\n]{0,40}\b(?:has been|is|was|has|hasn'?t|can'?t)\b",
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
    r"\bescalate (?:it|this|my complaint)\b(?! to (?:the )?(?:press|papers?|newspapers?|media|"
    r"gazette|evening \w+|bbc|itv|local (?:news|paper|press)|news|tv|telly|social media)\b)",
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
    # Hate or contempt reported in a note of a call ("derogatory comments about her religion",
    # "didn't want to talk to a foreigner"), and insults of a named officer ("a spineless coward").
    r"\b(?:derogatory|racist|racial|homophobic|sexist|offensive|abusive) (?:comments?|remarks?|"
    r"language|slurs?|names?)\b|\b(?:talk|speak|deal) (?:to|with) (?:a |some )?foreigners?\b|"
    r"\b(?:spineless|gutless|useless|lazy|pathetic) (?:coward|excuse for a \w+)\b|"
    r"كذاب\w*|لصوص|غبي|وقح",
)
NO_RESPONSE_MORE = compile_all(
    r"\bnão precisa (?:de )?responder\b|\bno (?:hace falta|es necesario) (?:responder|contestar)\b|"
    r"\bnie (?:trzeba|musicie|oczekuj\w*) odp\w*|\bbez odpowiedzi\b|\bnu (?:este nevoie|trebuie) "
    r"s[aă] r[aă]spunde\w*|\bdim angen ateb\b|\bjawab (?:ki )?zaroorat nahi\b|"
    r"\bnot expecting (?:a |an )?(?:reply|response|answer)\b|\bno (?:reply|response|answer) "
    r"(?:needed|necessary|required|expected)\b|\bfyi\b|\bjust for your (?:info|information|records)\b",
    # "Don't reply", "don't bother replying", "please don't contact me about this survey", "do not
    # go to the trouble of writing back", "contact consent: no", and Portuguese "não é preciso".
    r"\b(?:please )?(?:do not|don'?t|dont|no need to) (?:bother )?(?:reply|replying|respond\w*|"
    r"write back|writing back|answer (?:this|back|me)|contact me|call me back|ring me back|"
    r"get back to me)\b"
    r"(?! (?:with|until|unless|if|when)\b)",
    r"\b(?:do not|don'?t) (?:go to )?the trouble of (?:writing|replying|responding|calling)\b|"
    r"\bcontact consent:? no\b|\bjust wanted (?:it|this|that) (?:noted|on record)\b|"
    r"\bn[aã]o [eé] (?:preciso|necess[aá]rio) responder\b",
)

# --- also_service_request: a new repair beside a complaint, report, thanks or comment -----------
# `triage.flags.detect_also_service_request` looks for a marker of a further point ("also",
# "separately", "PS", "but" in thanks), then a defect after it, then checks that the defect is not
# one the landlord already knows of (chased, back again, worse, a past job, put right).

# Said to be new in so many words, beyond rules.NEW_ISSUE_SAID.
NEW_ISSUE_SAID_MORE = compile_all(
    r"\b(?:not|never|nobody|no one|no-one|hasn'?t|has not|haven'?t|have not|hadn'?t|had not|"
    r"didn'?t|did not)\s+(?:\w+\s+)?(?:yet\s+)?(?:been\s+)?(?:reported|raised|logged|mentioned|"
    r"requested)\b(?:\s+(?:it|this|that|them))?\s+(?:yet|before|until now|previously|till now)\b|"
    r"\b(?:wasn'?t|weren'?t|was not|were not) there (?:before|last week|yesterday)\b",
    r"\bnot yet (?:been )?(?:reported|raised|logged)\b|\b(?:neither|none) of (?:which|them|these) "
    r"(?:has|have|had) been (?:reported|requested|raised)\b|\bnew (?:request|defect|leak|"
    r"adaptations? request)\b|\((?:new|new issue|new repair|new job)\)|\b(?:this|that|it) "
    r"(?:one )?is (?:a )?(?:brand )?new (?:one|thing|issue|problem)\b|\b(?:that|this)(?: one)?"
    r"(?:'s| is) (?:a )?(?:brand )?new(?= *(?:[.!,;)\n]|$| one\b| too\b| as well\b))|"
    r"\b(?:first|1st) time (?:i'?ve|i have|we'?ve|we have|i am|i'?m) (?:reported|mentioned|"
    r"raised|reporting|mentioning|raising)\b|\b(?:separate|new|second|another) (?:repair|job|"
    r"order|request) (?:raised|logged|booked|needed|required|opened)\b|\b(?:raised|logged|"
    r"booked|opened) (?:a )?(?:new|separate|second|emergency|further) (?:job|repair|order|"
    r"request)\b",
    r"\bnigdy (?:wcześniej )?nie zgłasza\w*|\bnie by[łl]\w* (?:wcześniej )?zgłasza\w*|"
    r"\bnu am (?:mai )?raportat\b|\bnunca (?:lo |la )?(?:he |hemos )?(?:reportado|informado|"
    r"comunicado)\b|\bnão (?:foi|tinha sido) (?:reportad|comunicad)\w*|\bheb ei adrodd\b|"
    r"\bنئی شکایت\b|\bمشكلة جديدة\b|\bproblema nueva\b|\bnuevo problema\b|\bnovo problema\b",
)

# Turns to a further matter, beyond rules.NEW_ISSUE_MARKER and NEW_ISSUE_MORE.
NEW_ISSUE_TURN = compile_all(
    r"\b(?:oh and|oh also|oh,? and|and another thing|and also|another (?:issue|problem|matter|"
    r"repair|job|thing)|a (?:different|separate|second|further) (?:issue|problem|matter|point|"
    r"repair|note)|other (?:issue|problem|thing) is|something else|on a (?:\w+ )?(?:separate|"
    r"different|another|side) (?:note|matter|issue)|unrelated|while i think of it|whilst i think "
    r"of it|while i'?m (?:writing|here|at it|on)|whilst i'?m (?:writing|here|at it|on)|while "
    r"(?:i|we) (?:have|'?ve) got you|while i (?:have|'ve) you|while (?:you'?re|you are|ur) (?:at "
    r"it|there|here|round)|whilst i (?:have|'ve) you|before i forget|last thing|one last thing|"
    r"lastly|last but not least|more worrying(?:ly)?|worse still|not related|furthermore|"
    r"further to (?:this|that)|finally|a further (?:problem|issue|matter|thing|point)|as well as "
    r"(?:this|that)|on another (?:note|matter)|p\.s\.|while (?:someone|"
    r"somebody|they|you|the \w+)(?:'s| is| are|'re) (?:here|round|there|out|coming)|"
    r"what'?s more|(?:near|at|towards?) the end of the call|to top it (?:all )?off|on top of (?:all )?(?:that|this|"
    r"everything)|in addition|additionally|moreover|besides that|apart from (?:that|this)|aside "
    r"from (?:that|this)|nb|n\.b\.|while on the (?:phone|call|line)|during the call|before "
    r"(?:ending|finishing|closing) the call|before (?:he|she|they|the caller) (?:left|hung up|"
    r"rang off|went)|(?:he|she|they|caller|tenant|resident) (?:then |later |further )?"
    r"(?:mentioned|added|pointed out|noticed|raised)(?! (?:a |an |her |his |their )?(?:complaint|"
    r"concerns?|this|it)\b)|(?:i(?:'ve| have)? |just |also )(?:just |also |now )?(?:noticed|"
    r"spotted)|(?:did |also )point(?:ed|s)? out|(?:somebody|someone|you) (?:should|needs? to|"
    r"ought to) (?:know|be told)|i (?:should|must|would like to|want to|wanted to|need to) also "
    r"(?:mention|report|let you know|flag|point out|draw your attention|ask)|i (?:should|must) "
    r"(?:also )?(?:mention|point out|flag|add)|draw your attention|needs attention|anything "
    r"else(?=\s*[?:])|anything else [\w' ]{0,40}(?=\?)|any other (?:comments|issues|repairs|"
    r"problems)(?=\s*[?:])|(?:can|could|would) (?:someone|somebody|anyone|you|u) (?:also|please "
    r"also|pls also) \w+)\b",
    # Polish, Romanian, Spanish, Portuguese, Welsh, Urdu, Arabic, Turkish
    r"\b(?:też|także|poza tym|oprócz tego|jeszcze jedno|jeszcze jedna sprawa|i jeszcze|"
    r"[îi]n plus|pe l[aâ]ng[aă] (?:asta|aceasta)|[îi]nc[aă] ceva|și (?:încă|inca)|tambi[eé]n|"
    r"otra cosa|aparte de eso|por cierto|al[eé]m disso|outra coisa|j[aá] agora|ali[aá]s|"
    r"yn ogystal|peth arall|aur ek baat|ek aur|bhi)\b|اس کے علاوہ|ایک اور|بھی|أيضا|ايضا|أيضاً|"
    r"كمان|بالإضافة|وكذلك|شي ثاني|\bbir de\b",
)
# A request to log a defect just named, in thanks or a comment ("...snapped, can you log that").
REQUEST_TURN = compile_all(
    r"\b(?:please |pls )?(?:can|could) (?:you|u|someone) (?:please )?(?:log|book|raise|sort|fix|"
    r"arrange) (?:that|this|it)\b",
)
# "Just so you know", before a hazard in thanks or a comment.
FYI = compile_all(r"\b(?:fyi|just so (?:you|u) know|for (?:your|ur) info)\b")
# A sentence opened with "And the..." in a complaint often adds a further fault.
SENTENCE_OPENER = re.compile(r"\W*(?:and|plus|oh and|and also)\s+(?=(?:the|my|our|there)\b)")
# Whether any sentence may open so (a quick test of the whole text before SENTENCE_OPENER).
OPENER_ANYWHERE = re.compile(r"(?:^|[.!?]\s|\n)\W*(?:and|plus|oh and|and also)\s+(?:the|my|our|"
                             r"there)\b")
# Markers that only add ("also", "too"), as against those that turn to a new matter ("separately").
WEAK_MARKER = re.compile(r"also|too|either|as well|plus|and|and also|and now|now|oh and")
# Markers written after what they mark ("the lock's gone too"): the defect may precede them.
TRAILING_MARKER = re.compile(r"too|as well|either|though|tho|(?:please |pls )?(?:can|could) (?:you|u|"
                             r"someone) (?:please )?(?:log|book|raise|sort|fix|arrange) (?:that|"
                             r"this|it)")
# Markers that look back only when nothing follows them in their clause ("lock's broken also.").
TRAILING_IF_LAST = re.compile(r"also|też|także|tambi[eé]n|hefyd|bhi|plus|by the way|btw")
CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\-–—]|$|\n|x+\b|please\b|pls\b|now\b)")
# A marker that introduces the next sentence ("Another thing.", "PS:", "a safety matter.").
INTRODUCES = re.compile(r"^\W*(?:[\w' ]{0,80}\b(?:thing|things|issue|problem|matter|point|note|"
                        r"attention|mention|repair|job|request|report|look at|looking at|see to|"
                        r"check|sort out|tell us)\b[\w' ]{0,40})?\W*$")

# Defect words beyond rules.DEFECT and DEFECT_WORDS, hazards among them, in English and in the
# other languages residents write in.
DEFECT_MORE = compile_all(
    r"\b(?:a |the )?problem with (?:the|my|our) (?:\w+ )?(?:shower|boiler|toilet|bath|sink|door|"
    r"window|lock|heating|lights?|fan|extractor|cooker|oven|gutter|roof|fence|gate|drains?|tap|"
    r"radiators?)\b|\b(?:fault|error) code\b|\bshowing (?:an? )?(?:fault|error)\b|\b(?:only )?"
    r"(?:runs|running|comes out|coming out) cold\b|\b(?:mouse|rat|pest|ant|wasp|flea|bed ?bug|"
    r"cockroach|pigeon|slug|silverfish) (?:problem|infestation|nest)\b|\b(?:a )?(?:wasps?|hornets?)'? "
    r"nest\b|\b(?:letting|lets) (?:the )?(?:water|rain|draughts?|wind|cold) in\b|\b(?:water|rain) "
    r"(?:is )?(?:coming|getting|pouring) in\b|\b(?:keeps|won'?t stop|constantly|always) running\b|"
    r"\b(?:very |really |so )?stiff\b|\bhard to (?:turn|open|close|lock)\b",
    r"\bcracks? (?:right |all the way )?(?:across|along|down|running|through|in the)\b|\ba (?:big |huge "
    r"|large |long |small |deep )?(?:crack|hole|gap) (?:in|across|along|down|right|under|round|"
    r"around|through|that)\b|\b(?:is|are|'s|started to|starting to) (?:sag|bow|bulg)\w*",
    r"\b(?:has|have|'s|'ve) been (?:out|off|broken|leaking|dripping|flickering|blocked)\b|"
    r"\b(?:has|have|'s|is|are) (?:died|dead|gone out|gone off|blown|tripped|seized|jammed|"
    r"come loose|fallen (?:off|down|in))\b|\b(?:boiler|heating|light|lights|shower|fridge|"
    r"cooker|oven|extractor|fan|alarm|lift|intercom|buzzer|bulb)'?s? (?:has )?died\b|"
    r"\bno (?:heating|hot water|power|electric|electricity|lights?|water pressure|water)\b",
    r"\b(?:hasn'?t|haven'?t|has not|have not|hadn'?t|had not) (?:\w+ )?(?:worked|flushed|drained|"
    r"locked|closed|shut)\b|\bwater (?:is |are |'s )?(?:coming|getting|seeping|running) (?:in|"
    r"through|down)\b|\b(?:smell|smells|smelling|smelt) (?:of )?gas\b|\bgas (?:smell|leak)\b|"
    r"\bspark(?:s|ing|ed)\b|\bburning smell\b|\bsmoke (?:coming|from)\b|\bexposed (?:wires?|"
    r"wiring|cables?)\b|\b(?:wires?|cables?)\b[^.\n]{0,30}\b(?:poking|sticking|hanging) out\b|"
    r"\bbare (?:wires?|copper|cables?)\b|\b(?:tingle|electric shock)\b|\bscorch\w*|\bcrackl\w*|"
    r"\bburn marks?\b|\bhuele (?:\w+ )?a gas\b|\bolor a gas\b|\bcheiro a g[aá]s\b|"
    r"\bmiros de gaz\b|\bzapach gazu\b|\bczu[cć] gaz\b|\barogl nwy\b|رائحة غاز|ريحة غاز|"
    r"\b(?:'s|has|have) gone(?! (?:up|down|quiet|away|home|back|round|to|through|on|past|ahead|"
    r"without|in|out of|into|over|unanswered)\b)|\b(?:has|have|had) lifted\b|"
    r"\b(?:the |some |bad |rising )?damp (?:in|on|is|has|coming|patch)\b|\bmou?ld (?:in|on|is|"
    r"has|growing|everywhere)\b|\bprzesta\w* działać\b",
    r"\bno longer (?:shuts|closes|locks|works|opens|flushes|drains|latches|heats|fits)\b|"
    r"\bwater\b[^.\n]{0,60}\b(?:fuse ?box|electrics|sockets?|light fittings?|electric meter|"
    r"consumer unit)\b|\b(?:doesn'?t|won'?t|does not|will not|don'?t|do not) (?:release|unlock|"
    r"connect|go through|stay (?:shut|closed|on|up)|hold|fire|ignite|come on)\b|\b(?:not|isn'?t|"
    r"is not) connected\b|\bdisconnected\b|\bshear(?:ed)? off\b|\bsnapped off\b|\bwater (?:has "
    r"been |is |'s |was )?(?:running|coming|pouring|dripping|leaking|seeping) (?:down|through|in|"
    r"into|from|out)\b|\b(?:asked|asking|asks|ask) (?:for )?(?:someone|somebody|a man|an engineer|"
    r"a plumber|an electrician) to (?:look at|fix|check|come|see to|sort)\b",
    r"\b(?:not|hasn'?t|haven'?t|has not|have not|isn'?t|aren'?t|wasn'?t) (?:been )?(?:working|"
    r"closing|locking|draining|flushing|heating up|emptied|collected|cleaned|cut)\b|"
    r"\b(?:can'?t|cannot|can not|couldn'?t|unable to) (?:lock|close|shut|open|flush|use|turn "
    r"(?:on|off))\b|\bwon'?t (?:work|start|light|turn (?:on|off)|come on|drain|heat up|stop|"
    r"latch|stay (?:shut|closed|on))\b|\bkeeps? (?:tripping|leaking|dripping|going off|"
    r"cutting out|beeping|blocking|flooding)\b",
    r"\b(?:stiff|rott(?:en|ed|ing)|lifting|wobbly|jammed|seized|peeling|bulging|sagging|"
    r"buckled|rusted (?:through|away)|rusty|flickering|humming|buzzing|tripping|hole in|"
    r"crack (?:in|across|down|along|has)|cracks? (?:in|across|down|along|have|has) |"
    r"come away|coming away|coming off|coming loose|fell off|fallen off|ripped off|torn|"
    r"kicked in|knocked (?:over|down)|only (?:luke)?warm|stone cold|lukewarm|low pressure|"
    r"no pressure|water (?:coming|getting|seeping) (?:in|through)|pulled (?:down|off|out)|"
    r"ripped (?:down|off|out)|taken down|no [\w-]+(?: \w+)? fitted|perished|(?:has|have|"
    r"there'?s) no (?:sound|power|signal|water|light)|(?:grinding|rattling|clicking|humming|"
    r"buzzing|whistling|gurgling|screeching) (?:noise|sound)|pigeons?|droppings|wasps?|"
    r"wasp nest|hornets?|bees|ants|bed ?bugs|fleas|squirrels|slugs|infestation|infested|"
    r"blocked up|overflowing|backing up|smells? (?:of|like) (?:sewage|drains?|damp|mould)|"
    r"needs? (?:looking at|attention|replacing|a new|to be (?:fixed|replaced|looked at|checked|"
    r"repaired|cleared|removed)))\b",
    # Polish, Romanian, Spanish, Portuguese, Welsh, Urdu, Arabic, Bengali, Turkish
    r"\b(?:nie działa\w*|zepsu\w+|ciek\w+|przecieka\w*|pęk\w+|odpad\w+|nie (?:zamyka|domyka|"
    r"spłukuje)\w*|uszkodz\w+|wilgo\w+|grzyb\w*|nu (?:mai )?func[tț]ion\w+|stricat\w*|"
    r"curge|spart\w*|defect\w*|igrasie|mucegai|no funciona\w*|est[aá]n? rot[oa]s?|se (?:ha )?"
    r"rot[oa]|roto|rotos|gotea\w*|fuga de agua|averiad\w+|estropead\w+|no cierra|humedad|moho|"
    r"n[aã]o funciona\w*|avariad\w+|partid[oa]s?|quebrad[oa]s?|pinga\w*|vaza\w*|"
    r"infiltra[cç][aã]o|bolor|humidade|n[aã]o fecha|wedi torri|ddim yn gweithio|yn gollwng|"
    r"lleithder|llwydni|kharab|kaam nahi kar\w*|toot gay\w*|tuta hua)\b|خراب|ٹوٹ|کام نہیں|"
    r"معطل|مكسور|مكسورة|لا يعمل|لا تعمل|ما يشتغل|تسرب|تسريب|خربان|نষ্ট|ভাঙা|\bbozuk\b|"
    r"\bbozuldu\b|\bçalışmıyor\b|\bakıtıyor\b",
)
# Asking someone to look at something: a need when it follows a further-point marker.
LOOK_AT_ASK = compile_all(
    r"\b(?:can|could|would) (?:someone|somebody|anyone|you|u) (?:please |also |pls )*(?:come "
    r"(?:and|to|round to|out to) |pop (?:round|over|in) (?:and |to )?)?(?:look at|have a look "
    r"at|check|see to|sort out|fix|repair|replace|mend) (?:my|the|our|his|her|their|a|an|this|"
    r"that|it|these|those)\b",
)
# A service asked for outright in thanks or a comment ("would it be possible to have a second
# grab rail fitted?", "asked for a new key fob").
SERVICE_ASK = compile_all(
    r"\b(?:would it be possible|is it possible|could i|can i|may i|could we|can we|please could "
    r"(?:i|we|you|someone)|could (?:you|someone) please)\b[^.?\n]{0,50}\b(?:fitted|installed|put "
    r"in|put up|replaced|repaired|fixed|mended|a new|another)\b",
    r"\b(?:asked|asking|asks|would like|wants?|needs?) (?:for )?(?:a|an) (?:new|replacement|spare|"
    r"extra|second) (?:key ?fobs?|fobs?|keys?|grab rails?|handrails?|rails?|locks?|smoke alarms?|"
    r"bins?|lights?|doors?|gates?|letterbox)\b",
    r"\b(?:like|want|need|wish) to (?:request|order|ask for|book|arrange) (?:a|an|the|some|my)\b",
    r"\b(?:could|can|would) (?:someone|somebody|you|u)(?: please)? (?:come and |come out and )?(?:cut|"
    r"trim|clear|clean|empty|collect|remove|fit|install|replace|repair|fix|check|look at|sort|unblock|"
    r"bleed|service|paint|move|take away)\b|\b(?:like|want|need) (?:a|an|the|some|my) [\w ]{0,30}?"
    r"(?:fitted|installed|put in|replaced|repaired|fixed|cut|trimmed|cleared|serviced)\b|\bneed "
    r"(?:someone|somebody|a man|an engineer|a plumber|an electrician|a joiner) to\b|\bneeds? "
    r"(?:cutting|trimming|clearing|emptying|cleaning|painting|unblocking|servicing|looking at|"
    r"checking|doing)\b",
)
# Phrases that look like defects but are not ("he was cut off", "she broke down in tears"), and
# damage to the resident's own things, which is for compensation.
NOT_A_DEFECT = compile_all(
    r"\b(?:i|he|she|they|we|you|mum|dad) (?:just )?broke down\b|\bbroke down (?:in tears|"
    r"crying|on the phone)\b|\bcut (?:me|him|her|us|them) off\b|\b(?:gone|went) (?:unanswered|"
    r"unheard|ignored|unread|unacknowledged)\b|\bbroken (?:english|promises?|record|heart|"
    r"appointments?)\b|\b(?:rent|charges?|bills?|prices?) (?:has |have )?gone up\b|\bthe line "
    r"(?:went dead|dropped|cut out)\b|\bcall (?:dropped|was cut off|cut out)\b|\bcome off "
    r"(?:the |my |our |future |next )?(?:rent|bill|account|balance|charges?|arrears)\b",
    r"\b(?:damaged|ruined|stained|scratched|marked|broke|broken|soaked|splashed) (?:my|our|his|her|"
    r"their) (?:own |new |good |best )?(?:carpets?|rugs?|furniture|sofa|settee|bed|mattress|"
    r"clothes|belongings|tv|television|laptop|curtains|blinds|wardrobe|laminate|vase|ornaments?|"
    r"plant pots?|car)\b",
)

# Said of a defect that the landlord already knows of: chased, still there, the same one.
DEFECT_CHASED = compile_all(
    r"\b(?:(?:has|have|had) been reported|reported (?:it |this )?(?:before|already|since|last|in|"
    r"on|months|weeks)|still|continu\w+|same (?!(?:time|day|week|way|night|morning|visit|"
    r"appointment|trip|call|letter|email|engineer|contractor|person|as)\b)\w+|nadal|wciąż|"
    r"[îi]nc[aă](?! ceva| o (?:problem|chestie|dat))|todav[ií]a|sigue|ainda|continua|dal)\b",
)
# In a complaint a defect back again is the failed repair complained of; in thanks or a comment
# it is a fault to raise ("thanks! ps the light outside is out again").
DEFECT_AGAIN = compile_all(
    r"\b(?:again|came back|come back|back again|returned|re-?occurr\w*|recurr\w*|"
    r"znowu|znów|din nou|otra vez|de novo)\b",
)
# In a complaint, a fault in what the landlord's workers fitted is the complaint (poor work).
THEIR_WORK = compile_all(
    r"\b(?:he|she|they|you|your \w+|the (?:operative|contractor|engineer|plumber|fitters?|"
    r"electrician|joiner|workm[ae]n|builders?)) (?:also |just |recently |had |have |has )?"
    r"(?:fitted|installed|put in|put up|replaced|repaired|fixed|laid|built)\b",
)
# Work said to be poor, just before a further fault in a complaint: the fault is more of the same
# job ("The kitchen was fitted badly. The doors are also hanging off.").
POOR_WORK = re.compile(
    r"\b(?:fitted|installed|done|finished|replaced|repaired|put up|laid|fixed)\b[^.\n]{0,20}"
    r"\b(?:badly|poorly|wrong|wrongly|shoddily|incorrectly|not properly)\b|\b(?:poor|shoddy|bad|"
    r"terrible|awful|botched|sloppy|cowboy) (?:work\w*|job|repair|standard|installation|"
    r"fitting)\b|\bnot (?:been )?(?:fitted|done|finished|installed|repaired) properly\b|"
    r"\b(?:standard|quality) of (?:the |my |your )?(?:\w+ )?(?:work\w*|refit|repairs?|job|"
    r"installation|fitting|decorating|plastering)\b")
# A trailing marker on a place ("now dripping into the kitchen as well"): the same fault spreading.
SPREAD = re.compile(r"\b(?:into|onto|through|to|in|across|on|under) (?:the |my |our |her |his )?"
                    r"(?:\w+ ){0,2}(?:as well|too)\W*$")
# A defect named as the object of a job already done or booked ("an appointment for a dripping
# tap", "came about the broken gate", "I reported a leaking tap"): that job, not a new need.
PAST_JOB = re.compile(
    r"\b(?:appointments?|visits?|jobs?|repairs?|came|come|attended|rang|called|phoned|wait\w*|"
    r"reported|booked|fixed|repaired|sorted|out|took) (?:\w+ ){0,3}(?:for|about|to fix|to look "
    r"at|to see to|to repair|to sort|to mend|with) (?:a|an|the|my|our|his|her|their) (?:\w+ )?$|"
    r"\b(?:reported|rang about|called about|replaced|fixed|repaired|mended) (?:a|an|the|my|our|"
    r"his|her|their) (?:\w+ )?$")
# A defect said later in its sentence to be reported already ("the stair light is out as well,
# but he reported that this morning", "job raised"): known to the landlord.
REPORTED_AFTER = re.compile(
    r"\b(?:already|i|he|she|we|they|i'?ve|i have|he has|she has|we have|they have) (?:already )?"
    r"reported (?:it|that|this|them)\b|\bjob (?:was |has been |already )?raised\b")
# Told as over and dealt with, in thanks or a comment (RESOLVED without the plain dates, which
# also date new faults: "the flap came off yesterday").
DEFECT_RESOLVED = compile_all(
    r"\b(?<!not )(?<!n't )(?<!never )(?<!not been )(?<!n't been )(?<!never been )(?:fixed|sorted|"
    r"resolved|repaired|replaced)\b",
    r"\b(?:made (?:it |\w+ )?safe|all good now|came out|finally|boarded|glazed|(?:now|all) gone|"
    r"gone now|no longer(?! (?:shuts|closes|locks|works|opens|flushes|drains|latches|heats|fits))|"
    r"used to (?!be\b)|treated|sent (?:someone|somebody|an? \w+)|within (?:\d+|an?|one|"
    r"two|three|a few) (?:hours?|hrs?|mins?|minutes|days?)|(?:is|are|was|were|it'?s) (?:fine|ok|"
    r"okay|working) now|attended|(?:surveyor|engineer|contractor|plumber|electrician|someone) "
    r"(?:is )?(?:visits|visiting|coming|booked|due)|(?:rang|called|phoned|came in|wrote|went) "
    r"(?:\w+ ){0,3}to report)\b",
)
# A hazard still live despite a date ("padlocked since yesterday").
STILL_LIVE = re.compile(r"\b(?:since|this morning|today|tonight|right now|still|keeps?|at the "
                        r"moment|currently)\b")

# Damage left by anti-social behaviour that the landlord must put right (to communal parts or
# the home, not a car), beyond rules.ASB_SERVICE_NEED.
PROPERTY = (r"(?:door|doors|door frame|frame|fence|fence panels?|panels?|window|windows|pane|"
            r"glazing|lock|locks|padlock|gate|bollard|light|lights|lamp|lamp ?post|camera|cctv|"
            r"intercom|entry ?phone|door entry|letterbox|roof|roofs|hinges?|call points?|"
            r"detectors?|smoke alarms?|fire alarms?|railings?|handrail|bench|shed|bin store|"
            r"bike store|lift|buttons?|planters?|post ?box\w*|garage|aerial|walls?)")
ASB_DAMAGE = compile_all(
    rf"\b{PROPERTY}\b[^.\n]{{0,50}}?\b(?:snapped|cracked|split|smashed|shattered|kicked down|"
    rf"(?:has been |was |were )cut|dented|ripped (?:off|out|"
    rf"down)|kicked in|knocked (?:over|down)|pulled (?:off|down|out)|hanging off|off (?:its|the) "
    rf"hinges?|vandalised|vandalized|has a hole|hole in it|bent|buckled|burnt out|melted|won'?t "
    rf"(?:lock|close|shut) now|can'?t be locked|no longer (?:locks|closes|works))\b",
    rf"\b(?:smashed|kicked in|ripped (?:off|out|down)|broke|broken|knocked over|knocked down|damaged|"
    rf"pulled (?:off|down|out)|cracked|snapped|burnt|set alight|vandalised|vandalized) "
    rf"(?:\w+ ){{0,3}}{PROPERTY}s?\b",
    rf"\b(?:punched|kicked|smashed|knocked|made) a hole in\b|"
    rf"\b(?:ripped|pulled|torn|tore|kicked|knocked|smashed|snapped|broke) (?:the |a |an |our |my |her |his |"
    rf"their )?(?:\w+ )?"
    rf"{PROPERTY}s? (?:off|out|down|in)\b|\bgraffit\w+|\b(?:reversed|drove|crashed|backed|"
    rf"smashed) into (?:the |a |our |my )?(?:\w+ )?{PROPERTY}s?\b|\bknocked (?:it|them) (?:flat|"
    rf"over|down)\b",
    r"\bcrack\w* (?:has |have )?(?:appeared|opened up|in (?:[\w']+ ){1,5}(?:wall|ceiling))\b|"
    r"\b(?:like|want|need) (?:it|them|this|that) (?:removed|cleaned (?:off|up)|cleared|taken "
    r"down|covered|painted over|fixed|repaired|replaced|boarded)\b",
    r"\b(?:pękł\w*|wybit\w*|zniszczy\w*|zniszczon\w*|uszkodzi\w*|rozbi\w*) (?:\w+ )?"
    r"(?:framug\w*|drzwi|okn\w*|szyb\w*|zamek|zamk\w*|płot\w*|ogrodzeni\w*|furtk\w*)|"
    r"\b(?:framug\w*|drzwi|okn\w*|szyb\w*|zamek|płot\w*) (?:\w+ )?(?:pękł\w*|wybit\w*|"
    r"zniszczon\w*|uszkodzon\w*|rozbit\w*)|\b(?:au spart|a spart|spart\w*|distrus\w*) "
    r"(?:\w+ )?(?:u[sș]a|geamul|geam\w*|gardul|poarta|yala|broasca)|\b(?:rompieron|"
    r"destrozaron|partiram|quebraram|arrombaram) (?:\w+ )?(?:la|el|a|o|os|las|los) (?:puerta|"
    r"ventana|valla|cerradura|porta|janela|vedação|fechadura)|كسروا|حطموا",
    # Damage told in the past tense in other languages: in an ASB report, property damaged
    r"\b(?:zniszczy[łl]\w*|wyrwa[łn]\w*|wybi[łl]\w*|połama[łl]\w*|rompieron|rompi[oó]|"
    r"destroz\w+|partiram|estragaram|arrombaram|au spart|a spart|au distrus|a distrus|"
    r"(?:tod|tor) (?:diya|dia|di|diye)|to+ta hua|tuta hua|wedi malu|wedi torri|ont cass[ée]\w*|"
    r"a cass[ée]\w*|i[sš]lau[zž]\w*|sulau[zž]\w*|sudau[zž]\w*)\b|сломал\w*|разбил\w*|كسر|خربوا",
)
# Damage to a vehicle, to the neighbours' own or a private home, or already reported, or none to
# the landlord's property, is not a repair to raise.
ASB_DAMAGE_NOT = re.compile(
    r"\b(?:cars?(?! park)|vans?|vehicles?|windscreen|wing mirror|mopeds?|scooters?|ga+r?i|gaadi|"
    r"samoch\w+|coche|carro|ma[sș]in\w+|سيارة|سيارتي)\b|\bbikes?\b(?! (?:store|shed))|"
    r"\b(?:been reported|already reported|reported (?:it|this) (?:before|already)|some time ago|"
    r"still (?:waiting|outstanding|not (?:been )?(?:fixed|repaired|done|sorted)))\b|"
    r"\b(?:their own|his own|her own|privately owned|private (?:house|home|property)|no damage)\b|"
    r"\bnothing (?:\w+ ){0,3}(?:was |were )?damaged\b")
# Damage the landlord has put right already ("who broke our fence last year, which you fixed",
# "thank you for fixing the door after it was kicked in", "for getting the door entry fixed").
ASB_PUT_RIGHT = re.compile(r"\b(?:you |they |(?:was|were|has been|have been|got) (?:already )?)"
                           r"(?:fixed|repaired|replaced|sorted|cleaned|removed|mended)\b|"
                           r"\b(?:for|after) (?:fixing|repairing|replacing|mending|sorting)\b|"
                           r"\bgetting (?:\w+ ){1,4}(?:fixed|repaired|replaced|mended|sorted)\b")
# The repair said to be reported already, anywhere in an ASB report ("has a job number").
ASB_REPAIR_KNOWN = re.compile(
    r"\balready (?:been )?reported (?:the|it|this|that|them)\b|\b(?:has|have|got) a (?:job|repair) "
    r"(?:number|ref\w*)\b")
# A named part of the home with something wrong with it, in general terms ("the fence panel blew
# down", "the radiator has stopped getting warm", "the bin's been knocked off its post"), and a few
# fault words of the residents' other languages: a defect wherever the tables above have no words.
HOME_PARTS = (
    r"radiators?|rads?|fence|fencing|panels?|gates?|doors?|windows?|locks?|handles?|hinges?|taps?|"
    r"toilets?|loo|flush|cistern|shower|tray|bath|sink|basin|sockets?|switch(?:es)?|lights?|"
    r"bulbs?|fans?|extractor|boiler|bins?|posts?|gutters?|drains?|pipes?|roof|tiles?|slates?|"
    r"ceiling|walls?|floor(?:boards?)?|steps?|stairs|handrail|banister|lift|intercom|entry ?phone|"
    r"buzzer|fobs?|alarms?|cooker|oven|hob|worktops?|cupboards?|units?|seals?|sealant|grout|"
    r"plaster|brick(?:work|s)?|lintel|chimney|fascias?|soffits?|downpipes?|paving|path|shed|"
    r"letterbox|blinds?|curtain rail|bannister|skirting|carpet|vinyl|lino|trap|overflow"
)
FAULT_WORDS = (
    r"stopped (?:working|getting \w+|heating|flushing|draining|closing|locking)|"
    r"(?:blew|blown|fell|fallen|come|came|knocked|pulled|ripped|torn|hanging) (?:down|off|over|"
    r"away|loose|out)|cracked|snapped|split|smashed|shattered|collapsed|caved in|broke(?:n)?|"
    r"damaged|jammed|stuck|sticking|sticks|blocked|leaking|dripping|loose|wobbly|rotten|rotting|"
    r"missing|ripped|torn|frayed|(?:has|have|'s) stopped|"
    r"dropping|sagging|bowing|coming away|got (?:much |a lot |really )?wider|fell apart|"
    r"(?:isn'?t|is not|aren'?t|are not|not) (?:getting )?(?:warm|hot)|cold all the time|"
    r"stays? (?:stone |freezing )?cold|cuts? out|(?:keeps )?losing pressure|pours? water|"
    r"(?:doesn'?t|does not|won'?t|will not) light|misted"
)
FAULT_PHRASES = compile_all(
    rf"\b(?:{HOME_PARTS})\b[^.!?\n]{{0,50}}?\b(?P<fault>{FAULT_WORDS})\b",
    r"\b(?:deixou de funcionar|n[aã]o funciona|avariad[oa]|partid[oa]|curge ap[aă]|"
    r"nu (?:mai )?func[tț]ioneaz[aă]|s-a stricat|stricat[aă]?|picur[aă]|nie dzia[lł]a|"
    r"zepsu\w+|cieknie|przecieka|no funciona|est[aá] rot[oa]|gotea|jaban|kama socdaan|"
    r"nebeu[zž]sidaro|neveikia|sugedo|sugedusi|prateka|wedi torri|ddim yn gweithio|"
    r"kharab|tapak raha|toot gaya|ٹپک رہا|خراب|ٹوٹ گیا|لا يعمل|معطل|مكسور|يسرب)",
    # More fault words: Somali, Turkish, Polish, Portuguese, Romanian, Russian, Ukrainian, Spanish,
    # French, Italian, Arabic, Bengali, Punjabi, Gujarati, Farsi, Chinese
    r"\b(?:daadan\w*|jabay|jaban|damlat\w*|damlıyor|bozul\w*|kırıl\w*|çalışmıyor|sızdır\w*|"
    r"urwa[łl]\w*|urwan\w*|pęk[łn]\w*|nie da się zamknąć|nie zamyka się|n[aã]o fecha|avariou|"
    r"estragou|pinga|nu se (?:mai )?(?:aude|[îi]nchide|deschide)|curge|сломал\w*|протека\w*|"
    r"теч[ёе]т|не работает|не закрывается|зламал\w*|протіка\w*|не працює|se rompi[oó]|no cierra|"
    r"cass[ée]e?|fuit|ne (?:marche|fonctionne|ferme) plus|rott[oa]|perde acqua|non funziona)\b|"
    r"لم يعد|لا يُقفل|لا يقفل|يتسرب|ينقط|পানি পড়ছে|ভাঙা|ভেঙে গেছে|নষ্ট|ফুটো|ਟੁੱਟ|ਟਪਕ|ਖ਼ਰਾਬ|"
    r"ਖਰਾਬ|ਬੰਦ ਨਹੀਂ|તૂટી|ટપક|બગડ|شکسته|چکه|نشت|坏了|漏水|不能用|打不开|关不上",
)
# A fault that began just now ("since yesterday", "this morning I noticed", "od wczoraj"), beside a
# complaint about a repair long chased, is a new one. Such a marker may stand before or after its
# fault, so its whole sentence is searched.
RECENT_START = compile_all(
    r"\b(?:since|from) (?:yesterday|last night|this morning|the weekend|last weekend|last week|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:this morning|last night|yesterday|"
    r"this week) (?:i|we|she|he) (?:noticed|spotted|found|saw)\b|\b(?:has|have|'s|'ve) "
    r"(?:come|gone|started)\b[^.!?\n]{0,40}\b(?:this week|this morning|yesterday|last night)\b",
    r"\b(?:od wczoraj|od soboty|od niedzieli|od weekendu|od zeszłego tygodnia|desde ontem|desde a "
    r"semana passada|desde o fim de semana|desde ayer|desde el fin de semana|depuis hier|"
    r"da ieri|de ieri|din weekend|ers ddoe|tan iyo shalay|dün(?: akşamdan| geceden)? beri|"
    r"dünden beri|hafta sonundan beri|nuo vakar|со вчерашнего|с вечера|з учора)\b|"
    r"منذ (?:يوم|أمس|الأمس|البارحة)|منذ يوم السبت|کل سے|کل رات سے|(?:গতকাল|কাল) থেকে|"
    r"ਕੱਲ੍ਹ ਤੋਂ|ਕੱਲ ਤੋਂ|ગઈકાલથી|ગઈ કાલથી|از دیروز|从昨天",
)
# Foreign words for "also", "and now", "by the way" not in the tables above.
ALSO_ABROAD = compile_all(
    r"\b(?:aproveito (?:também |tambem )?para (?:dizer|informar|avisar)|aproveitando|[sș]i acum|de asemenea|de plus|"
    r"ayrıca|bir de|además|przy okazji|a do tego|in plus)\b|ਨਾਲੇ|ਨਾਲ ਹੀ|এছাড়া|এছাড়াও|"
    r"আরেকটা কথা|وأيضاً|وايضا|همچنین|ضمناً|还有|另外|також|кроме того",
)
# "Besides", "one more thing", "another problem" in the residents' other languages.
NEW_ISSUE_ABROAD = compile_all(
    r"\b(?:al[eé]m disso|(?:h[aá] )?outro problema|(?:[sș]i )?[iî]nc[aă] ceva|(?:mai )?am o "
    r"problem[aă]|be to|dar vienas dalykas|kita problema|sidoo kale|waxaa kale|otro problema|"
    r"adem[aá]s|por otro lado|poza tym|jeszcze jedno|inny problem|hefyd|peth arall|problem arall|"
    r"is ke ilawa|aur ek baat|ek aur masla)\b|اس کے علاوہ|ایک اور مسئلہ|بالإضافة إلى ذلك|"
    r"مشكلة أخرى|كذلك|وأيضا",
)

# A fault told plainly, with no marker ("The bathroom fan has stopped working." at the end of a
# complaint about a charge), is new when its part of the home belongs to none of the systems the
# rest of the message speaks of. The systems are broad on purpose: a boiler complaint that goes on
# "the radiators are cold" is about the same repair. ("Water" alone is left out: "water rates".)
HOME_SYSTEMS = tuple(re.compile(rf"\b(?:{words})\b") for words in (
    r"radiators?|rads?|boiler|heating|hot water|thermostat|valves?|heaters?|gas|flue|combi",
    r"taps?|toilets?|loo|flush\w*|cistern|shower|tray|bath|sink|basin|pipes?|pipework|drains?|"
    r"leak\w*|drip\w*|plumb\w*|waste|plughole|washing machine|overflow",
    r"damp|mou?ld\w*|condensation|ceilings?|walls?|plaster\w*|roof\w*|gutter\w*|downpipes?|tiles?|"
    r"slates?|leak\w*|stain\w*|chimney|fascias?|soffits?|brickwork|render|loft|insulation",
    r"sockets?|switch(?:es)?|lights?|lighting|bulbs?|fans?|extractor|electric\w*|fuse\w*|wiring|"
    r"power|trip\w*|consumer unit|pull ?cord|cooker hood",
    r"doors?|windows?|locks?|handles?|hinges?|latch\w*|glass|panes?|frames?|keys?|letter ?box|"
    r"glazing|seals?|closer|bolt|hatch",
    r"cooker|oven|hob|worktops?|cupboards?|units?|drawers?",
    r"fenc\w*|gates?|paths?|paving|shed|gardens?|hedges?|grass|trees?|bench|barrier|bins?|"
    r"bin store|chute|posts?",
    r"lifts?|intercom|entry ?phone|buzzer|fobs?|door entry|stair\w*|handrail|ban+ister|landing|"
    r"corridor|cctv|camera",
    r"alarms?|smoke|detectors?|sprinkler\w*",
    r"floor\w*|carpet|lino|vinyl|skirting",
))
# The same systems, tied words and other matters in the residents' other languages: thousands of
# words, so searched as rule tables (a language's words are tried only where their needles occur)
# compiled on first use (their ~250 large patterns would take ~1 s to compile at load).
HOME_SYSTEMS_ABROAD = compile_all(*rules_abroad.HOME_SYSTEMS_ABROAD, eager=False)
# Words in the fault's own sentence that tie it to what the rest complains of: chased, lasting,
# back again, caused by something or someone else or by their workers, a pest, "if" it happened
# (not "it drips if you turn it"); a fault in a neighbour's home ("from upstairs", not "the
# upstairs toilet") or to a vehicle; quoted words.
TIED_FAULT = re.compile(
    r"(?:^\s*|\b(?:what|even|and|but|so|as) )if\b|"
    r"\b(?:still|again|already|reported|report(?:ing)? it|chas\w*|told (?:you|them)|"
    r"job (?:no\.? |number |ref\w* )?\d+|"
    r"(?:\d+|a|an|one|two|three|four|five|six|several|few|many|couple of) "
    r"(?:days?|weeks?|months?|years?|times)|(?:2nd|3rd|\d+th|second|third|fourth|fifth) time|"
    r"day \d+|since(?! (?:yesterday|this morning|last night|the weekend|(?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day))|because|caus\w+|due to|result\w*|come back|came back|returned|"
    r"engineers?|contractors?|operatives?|plumbers?|electricians?|workm[ae]n|fitters?|builders?|"
    r"surveyors?|(?:they|you|he|she) (?:left|broke|damaged|did)|fitted|installed|replaced|"
    r"repaired|fixed|poorly|badly|bodged|botched|cowboy|same|worse|spread\w*|rats?|mice|pests?|"
    r"vermin|cockroach\w*|like when|in case|neighbou?r\w*|next door|(?:from|flat|people|family|"
    r"lives?) (?:up|down)stairs|cars?|vans?|vehicles?|bikes?|bicycles?|motorbikes?|scooters?|"
    r"(?:\w+ed|\w+en|broke|done|hit|burnt|cut|bent|torn|split|left|put) "
    r"(?:(?:in|off|down|out|up) )?by (?:the|a|an|his|her|their|some|your)|also|too|as well|"
    r"coming (?:in|through)|come through|through the)\b|"
    r"(?:^|\s)['\u2018\u201c\"]")
TIED_ABROAD = compile_all(rules_abroad.TIED_ABROAD, eager=False)
# With no part of the home named elsewhere, a plain fault is new only beside a matter that is no
# repair: money, letters and records, staff conduct, housing applications, neighbours, services.
# So after a message only about repair work (a missed appointment, a job left half done) the fault
# is that work's; beside a charge or a rude remark, even about repair work, it is news.
OTHER_MATTER = re.compile(
    r"£|\b(?:charg\w*|refund\w*|rent|arrears|recharge\w*|overpa\w*|direct debit|invoice|bill\w*|"
    r"letters?|statement|records?|my (?:old )?address|data|privacy|confiden\w*|transfer|"
    r"housing register|application|bidding|mutual exchange|tenancy|rude\w*|attitude|manner|"
    r"shout\w*|swear\w*|spoke to me|humiliat\w*|discriminat\w*|officer|staff|receptionist|"
    r"call cent(?:re|er)|on hold|phone line|website|online|app|portal|neighbou?r\w*|noise|asb|"
    r"anti-social|music|dogs?|drugs?|parking|cleaner|cleaning|caretaker|grounds|concierge|"
    r"compensation|apolog\w*|survey|consultation|service charge)\b")
OTHER_MATTER_ABROAD = compile_all(rules_abroad.OTHER_MATTER_ABROAD, eager=False)
