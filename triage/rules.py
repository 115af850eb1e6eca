"""Keyword and regex tables for the flag detectors, written from the triage guide.

Every table is a tuple of lower-case patterns with word boundaries, matched against lower-cased
text; the detectors in `triage.flags` return the first phrase that matches as the evidence shown
in reasons. Spelling is tolerant of text-speak ("u", "ur", "pls", missing apostrophes).

Each pattern becomes a `triage.rule_engine.Rule`: the same `search` and `sub` results as the
compiled pattern, found faster.
"""

from __future__ import annotations

import re

from triage.rule_engine import compile_all

RESPONSE = r"(?:response|reply|answer|letter|decision|outcome|findings?|conclusion|offer)"
ESCALATION = compile_all(
    r"\bstage\s*(?:2|two|ii)\b|\bcam 2\b",
    rf"\b(?:not|isn'?t|un)\s*(?:happy|satisfied|content|acceptable)\b[^.;\n]{{0,25}}\b(?:your|the|"
    rf"ur|this|that|my) (?:\w+ ){{0,3}}{RESPONSE}",
    rf"\b(?:do not|don'?t|dont|cannot|can'?t|won'?t|refuse to|"
    rf"not)\s+accept(?:ing)?\b[^.;\n]{{0,30}}\b{RESPONSE}|\bi(?:'m| am) not accepting (?:it|"
    rf"this)\b",
    rf"\b(?:reject|disagree|dispute)\w*\b[^.;\n]{{0,30}}\b{RESPONSE}",
    rf"\b{RESPONSE}\b[^.\n]{{0,20}}\b(?:to|about|on|re:?) (?:my|the|our|his|her) complaint\b",
    r"\b(?:my|your|the|his|her) (?:stage (?:1|one) )?complaint (?:response|reply|decision|letter|"
    r"outcome)\b|\bstage (?:1|one) (?:complaint )?(?:response|reply|decision|letter|outcome)\b",
    r"\bcomplaint (?:ref(?:erence)?|no\.?|number)\b|\b(?:ds|cmp)-\d{4}-\d{3,}\b|\bcmp-\d{4,}\b",
    r"\b(?:your|ur) (?:response|reply|letter|answer) (?:says|said|states|claims)\b",
    r"\b(?:review|look at) (?:it|this|my complaint) again\b|\bsomeone else to look at\b",
)
# Weaker cues count only when the message also speaks of a complaint or a response to one.
ESCALATION_WEAK = compile_all(
    # (not to the papers: "I'll escalate it to the Gazette")
    r"\bescalat\w*(?! (?:it |this |that |things )?to (?:the )?(?:press|papers?|newspapers?|media|"
    r"gazette|evening \w+|bbc|itv|local (?:news|paper|press)|news|tv|telly|social media)\b)",
    r"\b(?:take|taking|took|go|going|move|push|progress)\w*\s+(?:this|it|my complaint|"
    r"the complaint|things|matters)?\s*(?:further|higher|to the next (?:stage|level))\b",
    r"\bnext (?:stage|level)\b|\bnext step is the (?:housing )?ombudsman\b|\bhousing ombudsman\b",
)
ESCALATION_CONTEXT = compile_all(rf"\bcomplaint\b|\b{RESPONSE}\b")

DESIGNATED_PERSON = compile_all(
    r"\bmember of parliament\b",
    r"\bconstituen(?:t|ts|cy)\b",
    r"\bcouncill?ors?\b|\bcllr\.?\b|\b(?:parish|town|community) council\b",
    r"\b(?:in|of) my ward\b|\bward member\b|\bmy (?:advice )?surgery\b",
    r"\bmember of the senedd\b|\bmsp\b",
    r"\bdesignated (?:tenant |complaints? |resident )?(?:panel|person)\b",
)
# MP, MS and AM are only names of office in capitals ("I have MS" is an illness, so MS is left out).
DESIGNATED_CAPS = compile_all(r"\bMPs?\b|\bMP'?s\b")  # matched against the original case
DESIGNATED_MENTION_ONLY = compile_all(
    r"\b(?:contact|contacting|going to|go to|tell|telling|write to|writing to|copy|copied|copying|"
    r"cc|cc'?d|involve|involving|told|email|emailed|ring|rang|speak to|"
    r"complain to)\w*\s+(?:(?:this|the|my) (?:letter|email|complaint) to\s+)?(?:in\s+)?(?:my|the|"
    r"our|local)\s+(?:local\s+|ward\s+)?(?:mp|councill?or|cllr)\b",
    r"\b(?:my|our|the|local)\s+(?:local\s+)?(?:mp|councill?or)\b\s+(?:is|has been|will|knows|"
    r"about)\b",
    # Told by an MP's office to ring, asking who the councillor is, a "cc:" line.
    r"\b(?:spoken|spoke|talked|been) to (?:my|his|her|their|our) (?:local )?(?:mp|councill?or)'?s?"
    r"(?: office)?\b|\bwho(?: is|'s) (?:my|our|the) (?:local )?(?:mp|councill?or)\b",
    r"(?m)^[ \t]*cc\b.*$",
    flags=re.I,
)

GROUP = (
    r"(?:the |all |our |fellow |myself |a number of |several |many )?"
    r"(?:residents|tenants|neighbours|members|ladies|everyone|us|all of us|households|families|"
    r"estate|block|community|[\w' -]{0,40}(?:association|panel|group|committee|forum|scheme|"
    r"board|residents|tenants|households|neighbours|council))\b"
)
FAMILY = (
    r"(?:mum|mom|mother|dad|father|parents|nan|nana|gran|grandma|grandad|grandfather|"
    r"grandmother|grandson|granddaughter|son|daughter|brother|sister|aunt|auntie|aunty|uncle|"
    r"cousin|niece|nephew|husband|wife|partner|(?:father|mother|son|daughter|brother|sister)"
    r"[- ]in[- ]law)"
)
ROLE = (
    r"(?:advocate|social worker|support worker|key worker|link worker|care worker|carer|"
    r"occupational therapist|health visitor|discharge coordinator|nurse|solicitors?|executor|"
    r"attorney|idva|caseworker)"
)
REPRESENTATIVE = compile_all(
    rf"\bon (?:behalf of (?!{GROUP})|(?:his|her|their|my \w+'?s) behalf)\b",
    rf"\b(?:writing|ringing|calling|called in|emailing|messaging|posting|texting|phoning|"
    rf"contacting you|rang|called|phoned|came in|attended|asking|complaining|reporting|"
    rf"booking)\s+(?:for|about)\s+(?:my|her|his|their)\s+(?:elderly\s+|\w+\s+)?{FAMILY}\b",
    rf"\b(?:rang|called|phoned|called in|came in|attended|writing|posting|messaging|calling|"
    rf"ringing|booking|emailing)\s+for\s+(?:client\s+|our tenant\s+|your tenant\s+|"
    rf"the tenant\s+)?(?:mr|mrs|ms|miss|dr)\b",
    rf"\b(?:{FAMILY}|neighbour|friend|client|carer)\s+(?:rang|called|phoned|emailed|wrote|"
    rf"came in)\s+(?:on|for)\s+(?:his|her|their)\b|'s {FAMILY}(?: \w+)? (?:rang|called|phoned|"
    rf"emailed|wrote|came in|attended)\b",
    rf"\((?:mrs?|ms|miss|mr)\.? [a-z'-]+'s {FAMILY}\)",
    rf"\b(?:i'?m|i am|im) (?:mrs?|ms|miss|mr|dr)\.? [\w' .-]{{1,30}}?'s? (?:{FAMILY}|{ROLE})\b",
    rf"\b(?:{FAMILY}|neighbour|friend|carer|relative) of (?:mrs?|ms|miss|mr|dr)\b",
    r"\b(?:asked|wants|wanted|asking) me to (?:write|message|complain|contact|ring|email|"
    r"get in touch|report|put pen to paper|book)\b",
    r"\bmy clients?\b|\bclient:|\bclient consent\b|\bfor client\b",
    r"\bwith (?:the )?(?:consent|permission|authority) of\b|\bwith (?:his|her|their|[a-z]+'s|"
    r"mr\.? \w+'s|mrs\.? \w+'s|ms\.? \w+'s) (?:signed )?(?:consent|permission|authority)\b",
    r"\bconsent (?:held|given|confirmed|to share|attached|on (?:your )?file)\b|\b(?:has|have|"
    r"had) (?:given|signed) (?:\w+ ){0,2}(?:consent|permission|authority)\b|\b(?:has|"
    r"have) consented\b|\bgave (?:her |his |their )?consent\b|\bsigned consent\b|"
    r"\bgiven permission for me\b",
    rf"\b{ROLE}\b[^.\n]{{0,60}}\b(?:for|about|supporting|of|to) (?:our |your |the |my )?(?:tenant|"
    rf"client|patient|resident|mrs?|ms|miss|mr)\b|\bi am (?:the|his|her|their|a|"
    rf"an) (?:\w+ )?{ROLE}\b",
    r"\breferrer note\b|\bpatient/tenant\b|\bwho interpreted\b",
    r"\b(?:lasting )?power of attorney\b|\bsigned authority\b|\bauthority to act\b",
    rf"\bi(?:'m| am) writing (?:as|for) (?:the|his|her|their|a|my) (?:\w+ )?(?:{FAMILY}|{ROLE})\b",
)
# Lawyers and executors: representatives of a resident, but in an enquiry usually a conveyancer,
# a letting agent or an estate winding up, which the guide does not count.
REPRESENTATIVE_LEGAL = compile_all(
    r"\bour clients?\b|\bwe are instructed by\b|\b(?:i|we) (?:act|am acting|are acting) for\b|"
    r"\bacting for (?:mrs?|ms|miss|mr|dr|my|our|the tenant|your tenant)\b",
    r"\bexecutor\b|\bgrant of probate\b",
)
# Staff logging a case, or a conveyancer acting on a purchase, is not a resident's representative.
NOT_REPRESENTATIVE = compile_all(
    r"\b(?:logged|raised|recorded|opened|submitted|made) on (?:his|her|their) behalf\b",
    r"\b(?:we|i) act for [^.\n]{0,80}\b(?:purchase|sale|mortgage|conveyanc\w*)\b",
)

VULNERABILITY = compile_all(
    # Old age
    r"\b(?:i am|i'?m|im|he is|he'?s|she is|she'?s|aged?|is now)\s+(?:7[5-9]|[89]\d|1[01]\d)\b",
    r"\b(?:7[5-9]|[89]\d|1[01]\d)\s*(?:years? of age|years? old|yrs? old|y/?o)\b",
    r"\b(?:who is|dad'?s|mum'?s|father'?s|mother'?s|nan'?s|gran'?s|is now) (?:7[5-9]|[89]\d|"
    r"1[01]\d)\b|\((?:7[5-9]|[89]\d|1[01]\d)[,)]|,\s*(?:[89]\d|1[01]\d)\s*[,)]|"
    r"\belderly (?:gentleman|man|woman|lady|resident|tenant|couple|mother|father|mum|dad|"
    r"parents?)\b",
    r"\b(?:i am|i'?m|im|we are|we'?re|my|our|his|her|an?) (?:\w+ )?(?:elderly|pensioners?|frail)\b",
    # Disability and illness
    r"\bdisab(?:led|ility|ilities)\b|\bwheel ?chair\b|\bwalking (?:frame|stick)\b|\bzimmer\b|"
    r"\bmobility (?:scooter|problems|issues)\b|\bblue badge\b|\bstair ?lift\b|"
    r"\bpull[- ]cord alarm\b|\bcareline\b|\btelecare\b|\breasonable adjustments?\b",
    r"\b(?:partially sighted|blind|deaf|hard of hearing|visually impaired|learning (?:disabilit|"
    r"difficult)\w*|autis\w+|adhd|dyslexi\w*|dyspraxi\w*|dementia|alzheimer'?s?|cerebral palsy|"
    r"cystic fibrosis|crohn'?s|"
    r"colitis|sickle cell|parkinson'?s|lupus|fibromyalgia|screen reader|sign language|bsl)\b|"
    r"\bhearing (?:is poor|has deteriorated|loss|aid)\b|\b(?:english is|limited) (?:limited|"
    r"english|not (?:very )?good)\b|\bi (?:have been|am|'?ve been|'?m) (?:very |"
    r"really )?(?:unwell|ill)\b",
    r"\b(?:i have|i'?ve got|has|have got|with|suffers? (?:from|with))\s+(?:ms|copd|epilepsy|"
    r"cancer|diabetes|asthma|arthritis|a heart condition|heart failure|kidney \w+|"
    r"a (?:\w+ )?(?:disease|condition|illness))\b",
    r"\bmultiple sclerosis\b|\bchemo(?:therapy)?\b|\bdialysis\b|\boxygen (?:tank|machine|"
    r"cylinder)\b|\bterminal(?:ly)? ill\b|\bheart (?:condition|failure|problems?|attack)\b|"
    r"\bstroke\b|\bcopd\b|\basthma\w*\b|\bepilep\w+\b|\bhad (?:a |two |several )?falls?\b|"
    r"\bfallen (?:once|twice|over)\b",
    r"\bmental health\b|\bdepress(?:ion|ed)\b|\banxiety\b|\bptsd\b|\bbipolar\b|\bschizophren\w*\b|"
    r"\bsuicid\w*\b|\bself[- ]harm\b|\bpanic attacks?\b",
    # Pregnancy and young children
    r"\bpregnan\w*\b|\bexpecting (?:a baby|twins|(?:a|our|my) (?:\w+ )?(?:baby|child))\b|"
    r"\bnew ?born\b|\bnew baby\b|\binfants?\b|\btoddlers?\b|\btwins\b",
    r"\b(?:my|our|a|her|his) (?:new(?:born)? |little |young |tiny )?bab(?:y|ies)\b|\bbab(?:y|"
    r"ie)'?s'? (?:room|nursery|cot|bedroom)\b|\bbabys\b",
    r"\b\d{1,2}[- ](?:week|month)s?[- ]old\b|\b[0-4][- ](?:year|yr)s?[- ]old\b",
    r"\bmy (?:\w+ )?(?:kids|children|child|son|daughter|boys|girls|"
    r"grandchildren)\b[^.\n]{0,60}\b(?:asthma|can'?t sleep|scared|frightened|little|young|baby|"
    r"ill|disab\w*|autis\w*)",
    r"\b(?:my|our|have|has|got|with) (?:\w+ )?(?:young|small|little) (?:kids|children|child|"
    r"ones)\b|\b(?:children|kids|sons?|daughters?)\b[^.\n]{0,30}\b\d{1,2} months\b|"
    r"\bchildren under\b|\bkids under\b|\bunder (?:5|five)s?\b",
    r"\bwelfare\b|\b(?:kids|children|child) (?:r|are|is) (?:ok|safe|alright)\b",
    # Living circumstances and safeguarding
    r"\blives? (?:on (?:his|her) own|alone)\b|\bmy carers?\b|\bcarers? (?:come|visit)\w*\b|"
    r"\bvulnerable\b(?! (?:residents|people|tenants|customers|households|adults))|"
    r"\bsafeguarding\b|\bcuckoo\w*\b|\bnon[- ]molestation\b|\bdomestic (?:abuse|violence)\b|"
    r"\bfleeing\b|\brefuge\b",
    r"\b(?:ill|sick|poorly|unwell|in hospital)\b[^.\n]{0,20}\b(?:husband|wife|partner|mum|dad|son|"
    r"daughter|child)\b|\b(?:husband|wife|partner|mum|dad|son|daughter|child) (?:is|"
    r"has been) (?:very )?(?:ill|sick|poorly|unwell|in hospital)\b",
    # A few words in residents' other languages (Polish, Welsh, Spanish, Romanian, Somali,
    # Urdu, Bengali, Portuguese, Turkish)
    r"\b(?:dziecko|dzieci|babi|fabi|mabi|niños|niñas|bebé|copii|copil|carruur\w*|bimaar|asustho|"
    r"bolnav\w*|hamile|beichiog|plentyn|asma|ciężarna|w ciąży)\b",
)

HEATING_OUT = compile_all(
    r"\bno (?:heating|heat|hot water|gas)\b|\bwithout (?:any )?(?:heating|hot water|heat)\b",
    r"\b(?:heating|boiler|hot water)\w*\b[^.\n]{0,50}\b(?:not working|broken|broke|off|out|failed|"
    r"dead|packed up|gone|stopped|cut(?:s|ting)? out|down|not come on)\b",
    r"\bsin calefacci[oó]n\b|\bbez ogrzewania\b|\bnie mamy ogrzewania\b|"
    r"\bf[aă]r[aă] c[aă]ldur[aă]\b|\bnu avem c[aă]ldur[aă]\b|\bsem aquecimento\b",
    r"\b(?:house|flat|home|bungalow) (?:is |was )?(?:freezing|(?:very |so |really )cold)\b",
)
COLD_WEATHER = compile_all(
    r"\bfreez\w+|\bfroze\w*|\bsnow\w*|\bicy\b|\bfrost\w*|-\s?\d+\s*(?:degrees|°|c\b)|\bminus \d+|"
    r"\b[0-5]\s*(?:degrees|°)|\bsub-?zero\b|\b(?:bitter(?:ly)?|very|so|really) cold\b|"
    r"\bmucho fr[ií]o\b|\bmuch[ií]simo fr[ií]o\b|\bzimno\b|\bfoarte frig\b",
    r"\btemperature\w*\b[^.\n]{0,30}(?:-|minus )\d|-\d+\s*(?:tonight|overnight|outside|today|"
    r"this morning)\b",
)
MOULD = compile_all(
    r"\bmou?ld\w*\b|\bdamp\b|\bfungus\b|\bpleśń\b|\bllwydni\b|\bbolor\b|\bmucegai\b"
)
HEALTH_HARM = compile_all(
    r"\basthma\w*|\bchest\b|\bbreath\w*|\bcough\w*|\bwheez\w*|\bhospital\w*|\binfection\w*|"
    r"\binhaler\w*|\bgp\b|\bdoctor\w*|\bhealth visitor\b|\bnursery\b|\bbab(?:y|ies)'?s?\b|"
    r"\bnew ?born\b|\bsick\b|\bpoorly\b|\blungs?\b|\bunwell\b|\brash\w*\b|\basma\b",
)
URGENT_HAZARD = compile_all(
    # Gas, fumes and carbon monoxide
    r"\b(?:smell|smells|smelling|whiff|stink\w*|reek\w*)\s+(?:of\s+)?(?:gas|fumes)\b|"
    r"\bgas (?:leak|escape)\w*|\b(?:boiler|gas|cooker|hob|carbon|flue) fumes\b|\bfumes (?:from|in|"
    r"coming)\b|\byellow flames?\b|\bflames? (?:have |has )?gone yellow\b|"
    r"\bcarbon monoxide (?:alarm (?:going off|beeping|sounding)|poisoning|leak)|"
    r"\bco alarm (?:going off|beeping|sounding)\b|\bر[ياا]?[ئي]?حة غاز\b|\bريحة غاز|\bرائحة غاز",
    # Electrics
    r"\bspark(?:s|ing|ed)?\b|\belectric(?:al)? shocks?\b|\b(?:exposed|bare|live|hanging|loose|"
    r"dangling) (?:wires?|wiring|cables?)\b|\bwires? (?:hanging|exposed|sticking|showing)\b|"
    r"\bwires? (?:left )?(?:hanging )?out (?:of )?the wall\b|\bsmell of burning\b|"
    r"\bburning smell (?:from|coming from|in) (?:the |my )?(?:socket|plug|fuse|switch|light|"
    r"consumer unit|cooker|wall)\b|\bsmoke (?:from|coming out of) (?:the )?(?:socket|plug|fuse|"
    r"light)|\bno (?:electric|electricity|power)\b",
    r"water\b[^.\n]{0,90}\b(?:light fittings?|ceiling lights?|lights?|sockets?|fuse ?box|"
    r"electrics?|electric meter|meter cupboard|consumer unit|switch(?:es)?)\b|\b(?:dripping|"
    r"leaking|pouring)\b[^.\n]{0,30}\b(?:light fittings?|ceiling lights?|sockets?|fuse ?box)\b",
    # Flooding and sewage
    r"\bflooding\b|\b(?:is|are|keeps?|getting|gets) flood\w*|\bflooded (?:again|now|with)\b|"
    r"\bburst (?:pipe|main|water)\b|\bwater (?:is )?(?:pouring|gushing|cascading|streaming|coming|"
    r"pissing) (?:in )?(?:through|into|from|down)\b|\bsewage\b|\bcut through a pipe\b",
    # Structure and falls from height
    r"\bceiling\b[^.\n]{0,40}\b(?:collaps\w*|came down|come down|fell|fallen|caved|bulging|"
    r"sagging|about to fall)\b|\b(?:ceiling|wall|roof|floor|stairs?|"
    r"balcony)\b[^.\n]{0,30}\bcollaps\w+|\bcollaps\w+[^.\n]{0,20}\b(?:ceiling|wall|roof|floor)\b",
    r"\bbalcony\b[^.\n]{0,60}\b(?:loose|moves|moving|wobbl\w*|unsafe|dangerous|hanging|cracked)\b|"
    r"\b(?:could|might|going to|about to) (?:fall (?:onto|on|off|down)|collapse|come down)\b|"
    r"\bcracks?\b[^.\n]{0,100}\b(?:widen\w*|getting bigger|spreading|fit a coin)\b|\b(?:stuck|"
    r"trapped) in (?:the |a )?lift\b",
    # Fire safety
    r"\bfire ?doors?\b[^.\n]{0,90}\b(?:broken|not clos\w+|won'?t (?:close|shut)|doesn'?t (?:close|"
    r"shut)|does not (?:self-)?close|propped|damaged|hanging|missing|disconnected|snapped)\b|"
    r"\bfire (?:alarms?|alarm (?:system|panel)|safety)\b[^.\n]{0,60}\b(?:not working|broken|"
    r"disabled|off|failed|fault\w*|beeping)|\bfire extinguisher\b|"
    r"\bfire exits?\b[^.\n]{0,40}\b(?:blocked|padlock\w*|locked|chained)\b|\bescape route\b",
    r"\bset fire to\b|\bon fire\b|\barson\b|\bfire brigade\b|\bfireworks?\b[^.\n]{0,40}\b(?:at|in|"
    r"into|through) (?:the |our |my |people)?(?:windows?|stairwells?|flats?|people|letterbox\w*|"
    r"cars?|doors?|balcon\w+|lifts?|corridors?)\b|\bburn\w* (?:you|us|me|the flat|the house|"
    r"them) out\b|\bburn the (?:flat|house|place)\b|\bfire (?:risk|hazard)\b|"
    r"\bworried about fire\b|\bsmoke everywhere\b|\b(?:something|paper|rag) (?:burning|alight|"
    r"on fire)\b",
    # Security after a break-in
    r"\bbreak-?in\b|\bburgled\b|\bburglary\b|\bforced entry\b|\bforcing the (?:back |"
    r"front )?door\b|\b(?:unsecured|insecure|can'?t be secured)\b",
    # Violence and threats
    r"\bthreat(?:s|en|ened|ening)?\b[^.\n]{0,40}\b(?:kill|hurt|stab|burn|harm|hospital|violence|"
    r"beat|smash|knife|weapon|sort (?:him|her|you) out|dealt with)\b|\b(?:abuse|"
    r"abusive) and threat|\bthreats\b(?! of (?:eviction|legal|court))",
    r"\bstab(?:bed|bing|s)?\b|\bknife\b|\bmachete\b|\bweapons?\b|\bgun\b|"
    r"\bwith a (?:baseball )?bat\b|\bgot a (?:baseball )?bat\b|\bknock (?:him|you|her|them) out\b|"
    r"\bput me in hospital\b|\bwatch (?:your|ur) back\b|\btake (?:her|him|you|me) out\b|\b(?:will|"
    r"going to|gonna|threatened to|would|'ll) (?:kill|hurt|batter|beat) (?:you|him|her|me|us|"
    r"them)\b|\b(?:get|be|been) killed\b|\b(?:put|putting|puts) (?:me|us|her|him|"
    r"them) in danger\b|\bfollowed (?:me|her|him)\b",
    r"\bassault\w*\b|\battack(?:ed|ing)? (?:me|him|her|us|them|my|his|her)\b|\b(?:was|been|"
    r"got) attacked\b|\bpunch\w*\b|\bgrabbed (?:me|him|her|my)\b|\bpushed (?:him|her|me)\b",
    r"\bfight(?:ing)?\b|\bviolen(?:ce|t)\b|\bscared for (?:her|him|them|my life)\b|"
    r"\bwoman screaming\b|\bfear for (?:my|her|his|their) (?:life|safety)\b",
    r"\bdogs?\b[^.\n]{0,60}\b(?:went for|bit|bitten|attack\w*|chased|lunged)\b|\bwent for (?:my|"
    r"his|her|a|the)\b|\bdangerous dogs?\b|\bxl bull\w*\b|\bchased (?:people|kids|children|me|him|"
    r"her|us)\b",
    # Needles near children, exploitation, exposure
    r"\bneedles?\b[^.\n]{0,80}\b(?:kids?|child|children|toddlers?)\b|\b(?:kids?|child|children|"
    r"toddlers?)\b[^.\n]{0,80}\bneedles?\b|\bcuckoo\w*\b|\bexposing (?:him|her)self\b|"
    r"\bsafeguarding\b|\bnearly (?:clipped|killed|ran over|run over)\b|\bgoing to get (?:killed|"
    r"hurt)\b",
)
ROUTINE_SAFETY = compile_all(
    r"\bloose (?:slab|paving|tile)s?\b|\btrip hazard\b|\b(?:smoke|fire|"
    r"co) alarm (?:to (?:be )?fit|fitted|installed|check|test)\w*",
)

LEGAL_ACTION = compile_all(
    r"\bsolicitors?\b[^.\n]{0,80}\b(?:instruct\w*|proceedings|claim|court|legal|letter|"
    r"writing to you|hearing from|accepted|case|papers|in touch|contact\w*)\b",
    r"\b(?:instruct\w*|contact\w*|spoken to|speak\w* to|hearing from|consult\w*|asking|ask|"
    r"advised by|signed up with|got)\b[^.\n]{0,25}\bsolicitors?\b",
    r"\b(?:my|our|a|housing|disrepair|no[- ]win[- ]no[- ]fee) solicitors?\b",
    r"\blegal action\b|\blegal proceedings\b|\bproceedings (?:for|against)\b|\b(?:issue|issued|"
    r"issues|start|started|commence\w*) (?:a |legal )?(?:proceedings|claim)\b|\bletter of claim\b|"
    r"\bpre-?action\b|\bdisrepair claim\b|\bno[- ]win[- ]no[- ]fee\b|\btribunal\b",
    r"\b(?:take|taking|took) (?:you|u|them|this|the \w+|\w+ homes|\w+ housing|it) to court\b|"
    r"\bsmall claims?\b|\bcounty court\b|\b(?:going to|gonna|will|'ll|could|can|want to|intend to|"
    r"threaten(?:ed)? to) sue\b|\bsuing\b|\bcourt (?:action|case|claim|proceedings)\b|"
    r"\bclaim for damages\b|\blawyers?\b|\blegal (?:advice|team)\b|\btakes? a court\b",
)
# The landlord threatening the tenant, or spam demanding payment, is not the resident's legal
# action.
NOT_RESIDENT_LEGAL = compile_all(
    r"\bthreaten\w* (?:me|us|him|her) with legal action\b|\bavoid legal action\b|\b(?:take|taken|"
    r"taking) (?:me|us|him|her) to court\b",
    # The landlord's own letters threatening court, and a resident ruling lawyers out.
    r"\b(?:letters?|notices?|warnings?)\b[^.\n]{0,60}\bthreaten\w* (?:court|legal|possession|"
    r"eviction)(?: action| proceedings)?\b",
    r"\b(?:doesn'?t|don'?t|do not|does not|didn'?t|not|never|no) (?:want|wish|intend|plan|need)\w* "
    r"(?:to )?(?:go (?:down|to)|take|involve|get|use|bring in)\b[^.\n]{0,40}\b(?:solicitors?|"
    r"court|lawyers?|legal)\b(?:[^.\n]{0,15}\b(?:solicitors?|court|lawyers?|legal)\b)?",
)

ABUSIVE = compile_all(
    r"\bf[\*u]+c?k\w*|\bf\*+\w*|\bc\*+(?:s|nts?)\b|\bcunts?\b|\bw\*+\w*|\bwank\w*|\bb\*+\w*h\b|"
    r"\bbitch\w*|\bbastard\w*|\bprick\w*|\bdickheads?\b|\barse\w*\b|\btwats?\b|\bsh[i\*]te?\b",
    r"\b(?:useless|incompetent|lazy|stupid|thick|pathetic)\s+(?:\w+\s+)?(?:cows?|idiots?|morons?|"
    r"muppets?|clowns?|gits?|pigs?|scum|waste|jobsworths?|layabouts?|lot|people|bunch|surveyor|"
    r"officer|staff)\b",
    r"\b(?:idiots?|morons?|muppets?|clowns?|scum|parasites?|liars?|thie(?:f|ves)|jobsworths?|"
    r"layabouts?)\b",
    r"\bwaste of (?:space|oxygen|skin|air)\b|\bbrain ?dead\b|\bare (?:you|u) thick\b|"
    r"\bthick or what\b",
    r"\b(?:i|ill|i'?ll)\s+(?:knock|throw|smash|batter|hurt|kill|deal with|sort)\w*\s+(?:him|her|"
    r"you|u|them|the lot)\b|\bknow where (?:you|your|she|he|they) (?:live|work)|"
    r"\bfind out where (?:she|he|you|they) lives?\b|\b(?:you|u) will regret\b|"
    r"\bsee what happens\b|\bwatch (?:your|ur) back\b",
    r"\bforeign lot\b|\bsend someone (?:british|english|white)\b|\bgo back to (?:your|"
    r"ur) (?:own )?country\b",
    r"\bi hope (?:every ?one of )?(?:you|u|your \w+)\b[^.\n]{0,20}\b(?:freeze|die|rot|suffer)\w*",
    r"\b[a-z]\*{2,}[a-z]*|\bthick as \w+|\b(?:fat|stupid|silly|old|lazy|ugly) (?:cow|pig|slag|"
    r"bitch|git)s?\b|\bgetting a slap\b|\b(?:brick|\w+) through the (?:office )?window\b|"
    r"\bpile of lies\b",
    r"\b(?:swore|swearing|shouting|shouted) at (?:the |our |reception |an? )?(?:staff|advis[eo]r|"
    r"agent|officer|receptionist|reception|call handler|complaints officer|operator|colleague)|"
    r"\brepeatedly swore\b|\bshouted and swore\b|\b(?:verbally )?abusive (?:to|towards|language|"
    r"behaviour)\b|\bbecame (?:verbally )?abusive\b|\bunacceptable behaviour (?:policy|process)\b|"
    r"\bgave (?:two |a |the standard )?warnings?\b|\bcall (?:was )?terminated\b|"
    r"\bended (?:the )?call after\b|\bsecurity (?:attended|called|were called)\b",
    r"\bsack the lot\b",
)

NO_RESPONSE_WANTED = compile_all(
    r"\bno (?:need|reason) (?:to|for (?:a|you to))\s+(?:\w+\s+){0,2}(?:reply|respond|response|"
    r"write|get back|call|ring|contact)\w*",
    r"\b(?:do not|don'?t|dont|doesn'?t|did not|didn'?t|does not)\s+(?:need|want|expect|"
    r"require)\s+(?:a |any )?(?:reply|response|answer|call|callback|follow[- ]up|"
    r"to (?:be contacted|hear back)|anyone to (?:call|contact|ring))",
    r"\b(?:do not|don'?t|dont) need (?:to|you to) (?:call|ring|reply|contact|respond|write back|"
    r"get back)|\bdon'?t send anyone\b",
    r"\bno (?:further )?(?:reply|response|answer|follow[- ]up|contact|call ?back|"
    r"action)\s+(?:is\s+)?(?:needed|necessary|required|expected|wanted|requested)\b",
    r"\bnot (?:expecting|looking for|after) (?:a |any )?(?:reply|response|answer|call)\b|"
    r"\bjust an observation\b|\bfeedback only\b",
    r"\b(?:contact|call|ring|response|reply|passed on)\b[^.\n?]{0,50}\?\s*[:'\"“]?\s*(?:no|"
    r"said no)\b",
    r"\basked if (?:he|she|they) want\w*\b[^.\n]{0,70}?(?:[-:—,]\s*)?(?:said )?['\"“]?no\b",
)
# Weak cues support feedback and compliments only ("just letting you know" also opens ASB reports).
NO_RESPONSE_WEAK = compile_all(
    r"\bjust (?:so|thought) (?:you|u) (?:know|should know)\b|\bjust letting (?:you|u) know\b|"
    r"\bjust (?:want|wanted) (?:you|u) to know\b|\bfor (?:your|ur) information\b|\bfyi\b",
)

NEW_ISSUE_SAID = compile_all(
    r"\b(?:not|never|haven'?t|hasn'?t|have not|has not) (?:been |yet )?(?:previously |"
    r"already )?(?:reported|mentioned|requested|raised|told you)(?: (?:it|that|"
    r"this))?(?: (?:before|previously|yet))\b",
    r"\bnot previously (?:reported|requested|mentioned|raised)\b|\bnew (?:issue|problem|fault|"
    r"repair)\b(?! (?:text|service|team|system|app|portal|line|contract|form|process|policy|"
    r"reminders?|booking|scheme|contractor|number|times?|standards?)\b)|\bfirst time i'?m "
    r"(?:mentioning|reporting)\b|\bnowa usterka\b|"
    r"\bproblem(?:ă)? nou[ăa]\b|\bনতুন সমস্যা",
)
NEW_ISSUE_MARKER = compile_all(
    r"\b(?:also|plus|too(?![ \t]+\w)|either(?![ \t]+\w)|as well(?! as)|separate(?:ly)?|another thing|on top of "
    r"(?:that|this)|by the way|"
    r"btw|p\.?s\.?|in addition|additionally|unrelated|one more thing|while i'?m|whilst i'?m|"
    r"while on the phone|and now|dodatkowo|ponadto|r[oó]wnież|de asemenea|tamb[ié]m|adem[aá]s|"
    r"hefyd|ayrıca)\b",
)
DEFECT = compile_all(
    r"\b(?:broken|broke|leak\w*|not working|stopped working|doesn'?t work|isn'?t working|"
    r"packed (?:in|up)|smashed|snapped|hanging off|loose|blocked|faulty|beeping|chirping|"
    r"out of order|damaged|cracked|missing|come (?:off|up|away|loose)|came (?:off|up|away|loose)|"
    r"dropped|fallen|falling|drip\w*|stuck|won'?t (?:open|close|lock|shut|flush)|"
    r"doesn'?t (?:close|shut|lock|flush)|needs? (?:fixing|replacing|repair\w*)|is out|are out|"
    r"out too|sparks?|wobbl\w*|damp patch|mould|mice|rats|pests?|cockroach\w*|draining|"
    r"overflow\w*|not been (?:collected|emptied|cleaned)|havent been (?:collected|emptied|"
    r"cleaned)|haven'?t been (?:collected|emptied|cleaned))\b",
    r"\b(?:can|could) (?:u|you|someone|i) (?:please |also |pls )*(?:add|book|send|fix|sort|have|"
    r"get|arrange)\b|\b(?:please|pls) (?:fix|book|sort|send|add)\b|\basks? for (?:a|an|the|"
    r"some)\b|\b(?:want|like) to report\b|\bkey safe\b|\bpest control\b|\bneeds? (?:the|a|my|"
    r"someone|it)\b",
    r"\bnie działa\b|\bzepsu\w*|\bs-a stricat\b|\bstricat\w*|\bnu (?:mai )?func\w+|"
    r"\bno funciona\b|\best[aá] (?:partid[oa]|estropead[oa])\b|\bwedi torri\b|\bkaj korche na\b|"
    r"\bকাজ করছে না",
)
ASB_SERVICE_NEED = compile_all(
    r"\bgraffiti\b|\btags?\b|\bfly[- ]?tip\w*|\bdump(?:ed|ing)\b(?! all over)|\bkicked in\b|"
    r"\bbroken into\b|\b(?:lock|door)s? (?:was |has been )?forced\b|\bpulled\b[\w ]{0,30}\b(?:off|"
    r"down|out)\b|\bhanging off\b|\bboarded up\b|\bcut down\b|\bneedles?\b|\bsyringes?\b|"
    r"\bset (?:on )?fire\b|\bset fire to\b|\bas a toilet\b|\bwritten\b[^.\n]{0,30}\bdoor\b|"
    r"\bbroken (?:fence|door|window|lock|glass|gate)\b|\bfence is (?:broken|partida)\b|"
    r"\bcerca est[aá] partida\b|\bfoil\b|\bglass pipe\b|\bsmashed (?:all )?(?:the |our |"
    r"my )?(?:lights?|windows?|glass|doors?|locks?|panels?|bench|camera|cctv|bulbs?)\b|"
    r"\bglass everywhere\b|\b(?:vandalism|damage) to (?:the )?(?:communal|door|lights?|lighting|"
    r"entrance|fence|lift)\w*",
    r"\b(?:please|pls|plz|can (?:you|u|some ?one|someone)|could (?:you|u)|need (?:it|them|"
    r"this))\s+(?:\w+\s+){0,3}(?:remove\w*|clean\w*|clear\w*|cover\w*|fix\w*|repair\w*|sort (?:it|"
    r"this)|get rid|take (?:it )?away|collect\w*)",
    r"\b(?:cctv|door|letterbox|lock|locks|lights?|security)\b[^.\n]{0,30}\b(?:fitted|fitting|"
    r"changed|replaced|proofing|works|repair\w*)\b|\btarget hardening\b|\b(?:request\w*|asks?|"
    r"asking|wants?) (?:for )?(?:\w+ ){0,3}(?:locks?|cctv|security|removal|removed|clean[- ]?up|"
    r"clearance|cleared)\b",
    r"\b(?:have|get|fit|install|put)\w* (?:in )?(?:some |extra |new |more )?(?:locks?|cameras?|"
    r"cctv|lighting|lights)\b",
    r"\b(?:camera|cctv|light\w*|fence|gate|door|lock|window|wall|crack)s?\b[^.\n]{0,40}\b(?:fixed|"
    r"to fix|repaired|boarded|mended|checks?|inspect\w*)\b|\bboarded\b",
)

# Hazard words that say there is no hazard here: negated, hypothetical, a document or a talk, or
# slang ("the new kitchen is fire"). Removed before the hazard tables are searched.
NOT_A_HAZARD = compile_all(
    r"\bno (?:threats?|violence)(?: (?:made|were made|involved|as such))?\b",
    r"\bno (?:wires?|wiring|cables?) (?:showing|exposed|visible|sticking out|hanging out)\b",
    r"\b(?:no|not any|without any|never any) (?:smell|sign|whiff) of (?:gas|smoke|burning)\b",
    r"\bno (?:more )?water (?:coming|getting|leaking) (?:in|through)\b",
    r"\bif (?:she|he|i|we|you|they|someone|anyone|a resident|residents|tenants) (?:ever |should |"
    r"were to )?(?:smells?|smelt|sees?|notices?|suspects?) (?:gas|smoke|a gas leak|fumes)\b",
    r"\bfire (?:risk assessments?|safety (?:session|talk|training|information|leaflet|day|event)s?|"
    r"drills?)\b",
    r"\bcut (?:me|us|him|her|them) off\b",
    r"\b(?:is|are|looks|was) (?:absolute |proper |pure )?fire\b(?! (?:in|at|on|from|spread\w*|"
    r"alarm|door|exit|escape|risk|hazard|brigade|service))",
)

# A hazard told, in its own sentence, as already made safe ("he disconnected it and put a blanking
# plate on, all safe"), in any category.
MADE_SAFE = compile_all(
    r"\b(?:made (?:it |the \w+ |everything )?safe|all safe(?! to)|(?:is|now|it'?s) safe now|"
    r"capped (?:it|off|the)|isolated (?:it|the)|blanking plate|been made safe)\b",
)
