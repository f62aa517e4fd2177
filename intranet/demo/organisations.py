"""Organisations and classifications of 2016, from the source document and DOMAIN facts."""

# (area, the committee's name)
DISTRICTS = [
    ("Rinkeby-Kista", "Rinkeby-Kista stadsdelsnämnd"),
    ("Spånga-Tensta", "Spånga-Tensta stadsdelsnämnd"),
    ("Hässelby-Vällingby", "Hässelby-Vällingby stadsdelsnämnd"),
    ("Bromma", "Bromma stadsdelsnämnd"),
    ("Kungsholmen", "Kungsholmens stadsdelsnämnd"),
    ("Norrmalm", "Norrmalms stadsdelsnämnd"),
    ("Östermalm", "Östermalms stadsdelsnämnd"),
    ("Södermalm", "Södermalms stadsdelsnämnd"),
    ("Enskede-Årsta-Vantör", "Enskede-Årsta-Vantörs stadsdelsnämnd"),
    ("Skarpnäck", "Skarpnäcks stadsdelsnämnd"),
    ("Farsta", "Farsta stadsdelsnämnd"),
    ("Älvsjö", "Älvsjö stadsdelsnämnd"),
    ("Hägersten-Liljeholmen", "Hägersten-Liljeholmens stadsdelsnämnd"),
    ("Skärholmen", "Skärholmens stadsdelsnämnd"),
]

# (name, short name, slug, description); every specialist committee and company is a network member.
SPECIALIST_COMMITTEES = [
    (
        "Utbildningsnämnden",
        "UN",
        "utbildningsnamnden",
        "Ansvarar för förskoleklass, grundskola, gymnasieskola och vuxenutbildning.",
    ),
    (
        "Socialnämnden",
        "SN",
        "socialnamnden",
        "Ansvarar för stadsövergripande socialtjänst och stöd.",
    ),
    (
        "Kulturnämnden",
        "KN",
        "kulturnamnden",
        "Ansvarar för kulturförvaltningen, bibliotek och kulturstöd.",
    ),
    (
        "Trafiknämnden",
        "TN",
        "trafiknamnden",
        "Ansvarar för gator, trafik och stadens offentliga rum.",
    ),
    (
        "Stadsbyggnadsnämnden",
        "SBN",
        "stadsbyggnadsnamnden",
        "Ansvarar för stadsplanering och bygglov.",
    ),
    (
        "Miljö- och hälsoskyddsnämnden",
        "MHN",
        "miljo-och-halsoskyddsnamnden",
        "Ansvarar för miljö- och hälsoskydd och stadens miljöprogram.",
    ),
    (
        "Arbetsmarknadsnämnden",
        "AMN",
        "arbetsmarknadsnamnden",
        "Ansvarar för arbetsmarknadsinsatser och vuxenutbildning.",
    ),
]

COMPANIES = [
    (
        "Stockholm Business Region AB",
        "SBR",
        "stockholm-business-region",
        "Stadens bolag för näringslivsfrågor, investeringsfrämjande och besöksnäring.",
    ),
    ("AB Stockholmshem", "Stockholmshem", "stockholmshem", "Kommunalt bostadsbolag."),
    ("AB Svenska Bostäder", "Svenska Bostäder", "svenska-bostader", "Kommunalt bostadsbolag."),
    ("AB Familjebostäder", "Familjebostäder", "familjebostader", "Kommunalt bostadsbolag."),
    (
        "Stockholms Hamn AB",
        "Stockholms Hamnar",
        "stockholms-hamnar",
        "Driver och utvecklar hamnarna i Stockholm, Kapellskär och Nynäshamn.",
    ),
]

EXECUTIVE_OFFICE = (
    "Stadsledningskontoret",
    "SLK",
    "stadsledningskontoret",
    "Kommunstyrelsens förvaltning. Samordnar nätverket för informationsspridning och följer upp "
    "stadens internationella arbete.",
)

THEMES = [
    (
        "Unga flickors psykiska ohälsa",
        "unga-flickors-psykiska-ohalsa",
        "Identifierat i Hägersten-Liljeholmens lokala utvecklingsprogram; en global utmaning.",
    ),
    (
        "Demokratiutveckling",
        "demokratiutveckling",
        "Delaktighet, dialog och inflytande för stockholmarna.",
    ),
    ("Förskola", "forskola", "Pedagogik, kompetensutbyte och kvalitet i förskolan."),
    (
        "Kulturella och kreativa näringar",
        "kulturella-och-kreativa-naringar",
        "Kultur, design och kreativa företag som motor för stadsdelen.",
    ),
    ("Social omsorg", "social-omsorg", "Forskning och utveckling inom socialtjänst och omsorg."),
    ("Studiebesök", "studiebesok", "Mottagande av delegationer och besök från andra städer."),
    ("EU-samarbete", "eu-samarbete", "EU-program, nätverk och bevakning av EU:s lagstiftning."),
    (
        "Klimat och miljö",
        "klimat-och-miljo",
        "Klimatomställning, miljöarbete och hållbara transporter.",
    ),
    (
        "Arbetsmarknad och integration",
        "arbetsmarknad-och-integration",
        "Vägar till arbete och etablering för nyanlända.",
    ),
    ("Stadsutveckling", "stadsutveckling", "Planering och utveckling av en växande stad."),
]

ORIENTATIONS = [
    (
        "Profilering",
        "profilering",
        "Stärka Stockholms attraktionskraft för företagsetableringar och investeringar samt för talanger och besökare, med utgångspunkt i stadens styrkor.",
    ),
    (
        "Omvärldsbevakning",
        "omvarldsbevakning",
        "Med en proaktiv omvärldsbevakning står Stockholm bättre rustat att möta framtidens utmaningar och göra välunderbyggda prioriteringar.",
    ),
    (
        "Samverkan",
        "samverkan",
        "Utbyta kunskap om metoder och arbetssätt, få nya infallsvinklar, öka kunskapen om olika kulturer och den interkulturella kommunikativa förmågan samt bidra till en positiv utveckling globalt.",
    ),
    (
        "Påverkan",
        "paverkan",
        "Påverka processer, initiativ och lagförslag på överstatlig nivå, till exempel i EU, som kan begränsa eller möjliggöra stadens utveckling.",
    ),
]

DIMENSIONS = [
    ("Socialt hållbar", "social"),
    ("Ekonomiskt hållbar", "ekonomisk"),
    ("Ekologiskt hållbar", "ekologisk"),
    ("Demokratiskt hållbar", "demokratisk"),
]
