"""The strategy, its orientations and Hägersten-Liljeholmen's consultation response."""

STRATEGY = {
    "slug": "strategi",
    "title": "Internationell strategi för Stockholms stad",
    "summary": "Strategin lägger fast mål, inriktning, principer, arbetssätt och ansvarsfördelning för stadens internationella arbete. Den gäller alla nämnder och bolagsstyrelser.",
    "vision_title": "Vision 2040 – Ett Stockholm för alla",
    "vision_text": "<p>Det internationella arbetet ska leda mot måluppfyllelse av stadens övergripande vision Ett Stockholm för alla – Vision 2040 och inriktningsmålen i stadens budget. Det ska vara långsiktigt och bidra till bättre välfärd och livskvalitet för stockholmarna.</p>",
    "goals": [
        (
            "Ett Stockholm som håller samman",
            "social",
            "Främja den sociala hållbarheten och bättre välfärd och livskvalitet för stockholmarna.",
        ),
        (
            "Ett klimatsmart Stockholm",
            "ecological",
            "Främja den ekologiska hållbarheten och visa stadens ansvar för en hållbar global utveckling.",
        ),
        (
            "Ett ekonomiskt hållbart Stockholm",
            "economic",
            "Stärka Stockholms attraktionskraft för företag, investeringar, talanger och besökare.",
        ),
        (
            "Ett demokratiskt hållbart Stockholm",
            "democratic",
            "Främja delaktighet och använda mångfalden bland dagens och morgondagens stockholmare som en framgångsfaktor.",
        ),
    ],
    "principles": "<ul><li>Det internationella arbetet ska vara strategiskt och långsiktigt.</li><li>Varje verksamhet prioriterar och avsätter resurser för internationellt engagemang som bidrar till strategins intentioner.</li><li>Arbetet arbetas in i verksamhetsplanen, redovisas och följs upp i stadens interna ledningssystem.</li><li>De fyra inriktningarna är starkt sammanlänkade med varandra.</li></ul>",
    "responsibilities": [
        (
            "Kommunfullmäktige",
            "Antar strategin och stadens övergripande mål för det internationella arbetet.",
        ),
        (
            "Kommunstyrelsen och stadsledningskontoret",
            "Samordnar stadens internationella arbete och nätverket för informationsspridning, och ser, sammanför och växlar upp lokala initiativ.",
        ),
        (
            "Nämnder och bolagsstyrelser",
            "Planerar och bedriver internationellt arbete utifrån visionen och budgeten, med strategin som referensram, och följer upp det i ledningssystemet.",
        ),
        (
            "Nätverket för informationsspridning",
            "Sprider information, utbyter erfarenheter och sköter viss samordning. Består i dag av representanter från fackförvaltningar och bolag.",
        ),
    ],
    "registry_number": "171-482/2016",
    "adopted_by": "Kommunfullmäktige (förslag från kommunstyrelsen, remitterat 2016)",
    "history": [
        (
            2008,
            "Kommunfullmäktige antar övergripande mål, inriktning och riktlinjer för internationellt arbete (dnr 006-1137/2007).",
        ),
        (
            2016,
            "Stadens budget för 2016 anger att mål, inriktning och riktlinjer för internationellt arbete ska revideras.",
        ),
        (
            2016,
            "Stadsledningskontoret remitterar förslaget till internationell strategi, dnr 171-482/2016, med sista svarsdag 17 oktober 2016.",
        ),
    ],
}

ORIENTATION_PAGES = {
    "profilering": "Syftet med profilering, med utgångspunkt i stadens styrkor, är att stärka Stockholms attraktionskraft för företagsetableringar och investeringar samt för talanger och besökare.",
    "omvarldsbevakning": "Med en proaktiv omvärldsbevakning står Stockholm bättre rustat för att möta framtidens utmaningar och göra välunderbyggda prioriteringar i det internationella arbetet.",
    "samverkan": "Syftet med internationell samverkan är att utbyta kunskap om metoder och arbetssätt, få nya infallsvinklar i arbetet, ökad kunskap om olika kulturer, ökad interkulturell kommunikativ förmåga samt möjlighet att bidra till en positiv utveckling globalt.",
    "paverkan": "Händelser i världen och politiska beslut på överstatlig nivå påverkar direkt eller indirekt Stockholms utveckling. Syftet med inriktningen är att påverka processer, initiativ och lagförslag som kan vara antingen begränsande eller möjliggörande för stadens utveckling.",
}

CONSULTATION_RESPONSE = {
    "slug": "yttrande-internationell-strategi-2016",
    "title": "Yttrande över Internationell strategi för Stockholms stad",
    "committee": "hagersten-liljeholmen",
    "summary": "Hägersten-Liljeholmen ställer sig positiv till förslaget om internationell strategi och anser att stadsdelsnämnderna bör delta i stadens nätverk för informationsspridning.",
    "consultation_title": "Internationell strategi för Stockholms stad",
    "consultation_registry_number": "171-482/2016",
    "consulting_body": "Kommunstyrelsen",
    "deadline": "2016-10-17",
    "meeting_date": "2016-09-22",
    "decision_proposal": "<p>Hägersten-Liljeholmens stadsdelsnämnd godkänner och överlämnar tjänsteutlåtandet som svar på remissen till kommunstyrelsen.</p>",
    "body": [
        ("heading", {"text": "Sammanfattning", "level": "h2"}),
        (
            "paragraph",
            "<p>Stadsledningskontoret har tagit fram ett nytt förslag till en internationell strategi för Stockholms stad. I strategin läggs fast att det internationella arbetet ska leda mot måluppfyllelse av stadens övergripande vision Ett Stockholm för alla – Vision 2040 samt inriktningsmålen i stadens budget och ligga till grund för alla stadens nämnder och bolagsstyrelser. I strategin presenteras fyra inriktningar – profilering, omvärldsbevakning, samverkan och påverkan – som ska vägleda stadens internationella arbete.</p>",
        ),
        ("heading", {"text": "Ärendet", "level": "h2"}),
        (
            "paragraph",
            "<p>Kommunfullmäktige antog 2008 övergripande mål, inriktning och riktlinjer för internationellt arbete (dnr 006-1137/2007). I stadens budget för 2016 anges att de ska revideras. Ärendet har beretts av kommunikationsenheten.</p>",
        ),
        ("heading", {"text": "Förvaltningens synpunkter och bedömning", "level": "h2"}),
        (
            "paragraph",
            "<p>Det är viktigt att fortsätta stadsdelsförvaltningens internationella engagemang och att förbereda sig för en alltmer internationaliserad värld. Förvaltningen har engagerat sig internationellt genom att profilera stadsdelen med ett stort antal inkommande besök från andra städer och genom att jämföra (benchmarka) Telefonplans framgångar inom de kulturella näringarna. Andra områden har varit demokratiutveckling, forskningsprojekt inom social omsorg och kompetensutbyte inom förskolan. För detta krävs både kompetens och resurser.</p>",
        ),
        (
            "paragraph",
            "<p>De tematiska områden som har identifierats i samband med framtagandet av stadsdelsnämndernas lokala utvecklingsprogram kan också vara intressanta teman att undersöka och samverka kring internationellt. Hägersten-Liljeholmen har till exempel identifierat unga flickors psykiska ohälsa, som vi vet är också en global utmaning.</p>",
        ),
        (
            "paragraph",
            "<p>Stadsdelsförvaltningen ser positivt på att varje verksamhet ska prioritera och avsätta resurser för ett internationellt engagemang och att det ska arbetas in i verksamhetsplaner, redovisas och följas upp i stadens interna ledningssystem. På så sätt kan stadsledningskontoret lättare få syn på, sammanföra och växla upp lokala initiativ och projekt.</p>",
        ),
        (
            "quote",
            {
                "quote": "Förvaltningen anser att om stadsdelsnämnderna förväntas vara internationellt aktiva så bör de också delta i stadens nätverk för informationsspridning.",
                "attribution": "Hägersten-Liljeholmens stadsdelsförvaltning",
            },
        ),
    ],
    "signed_by": "Lars Wennberg\ntf. stadsdelsdirektör",
}
