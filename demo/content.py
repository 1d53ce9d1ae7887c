"""Demo content for the Agenda Stad e-zine.

Plain data (no Django imports): organisations, people, EU Urban Agenda partnerships, City/Town Deals
and ten articles, all written afresh in Dutch for demonstration purposes. Names, job titles and key
facts follow public sources; dates marked as approximate are plausible demo values.
"""

ORGANISATIONS = [
    {
        "name": "Aedes",
        "kind": "housing_association",
        "city": "Den Haag",
        "country": "NL",
        "website": "https://www.aedes.nl",
        "description": (
            "Aedes is de landelijke vereniging van woningcorporaties in Nederland. De koepel komt op voor de "
            "belangen van zijn leden, in Den Haag en in Brussel. Namens Nederland zat Aedes aan tafel in het "
            "Europese partnerschap voor betaalbare huisvesting."
        ),
        "tags": ["wonen", "sociale huur", "europa"],
    },
    {
        "name": "Nederlandse School voor Openbaar Bestuur",
        "kind": "knowledge_institute",
        "city": "Den Haag",
        "country": "NL",
        "website": "https://www.nsob.nl",
        "description": (
            "De NSOB is een instituut voor onderwijs en onderzoek op het gebied van openbaar bestuur, "
            "gedragen door meerdere universiteiten. De denktank van de school publiceert essays over actuele "
            "bestuurlijke vraagstukken, waaronder het werken met City Deals."
        ),
        "tags": ["bestuur", "onderzoek", "city deals"],
    },
    {
        "name": "Vereniging van Nederlandse Gemeenten",
        "kind": "network",
        "city": "Den Haag",
        "country": "NL",
        "website": "https://vng.nl",
        "description": (
            "De VNG verenigt alle Nederlandse gemeenten en behartigt hun belangen richting Rijk en Europa. "
            "De vereniging is vertegenwoordigd in de regiegroep van Agenda Stad."
        ),
        "tags": ["bestuur", "gemeenten", "samenwerking"],
    },
    {
        "name": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "kind": "ministry",
        "city": "Den Haag",
        "country": "NL",
        "website": (
            "https://www.rijksoverheid.nl/ministeries/"
            "ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties"
        ),
        "description": (
            "Het ministerie van BZK is onder meer verantwoordelijk voor wonen, openbaar bestuur en de "
            "verhouding tussen Rijk en gemeenten. Het programma Agenda Stad, met de City Deals en Town "
            "Deals, is hier ondergebracht. Ook de Nederlandse inbreng in de Europese Agenda Stad loopt via "
            "dit ministerie."
        ),
        "tags": ["bestuur", "wonen", "europa", "city deals"],
    },
    {
        "name": "Rijksvastgoedbedrijf",
        "kind": "other",
        "city": "Den Haag",
        "country": "NL",
        "website": "https://www.rijksvastgoedbedrijf.nl",
        "description": (
            "Het Rijksvastgoedbedrijf beheert en ontwikkelt de gebouwen en gronden van de rijksoverheid. De "
            "organisatie valt onder het ministerie van BZK en werkt aan gebiedsontwikkeling en het "
            "verduurzamen van rijksvastgoed."
        ),
        "tags": ["vastgoed", "gebiedsontwikkeling", "duurzaamheid"],
    },
    {
        "name": "Society Impact",
        "kind": "civil_society",
        "city": "Den Haag",
        "country": "NL",
        "website": "",
        "description": (
            "Society Impact werd in 2013 opgericht met steun van het ministerie van BZK. Het platform brengt "
            "sociaal ondernemers, financiers en overheden bij elkaar om met social deals te investeren in "
            "maatschappelijke vraagstukken."
        ),
        "tags": ["sociale impact", "financiering", "sociaal ondernemerschap"],
    },
    {
        "name": "Gemeente Maastricht",
        "kind": "municipality",
        "city": "Maastricht",
        "country": "NL",
        "website": "https://www.gemeentemaastricht.nl",
        "description": (
            "Maastricht, de oudste stad van het land, werkt aan veiligheid en leefbaarheid in een aantal "
            "kwetsbare wijken. De Maastrichtse Aanpak Onaantastbaren is een pilot binnen de City Deal Zorg "
            "voor Veiligheid in de Stad."
        ),
        "tags": ["veiligheid", "kwetsbare wijken", "city deals"],
    },
    {
        "name": "Gemeente Utrecht",
        "kind": "municipality",
        "city": "Utrecht",
        "country": "NL",
        "website": "https://www.utrecht.nl",
        "description": (
            "Utrecht hoort bij de snelst groeiende steden van Nederland en zet in op gezond stedelijk leven. "
            "De gemeente neemt deel aan het Europese partnerschap voor luchtkwaliteit."
        ),
        "tags": ["gezonde stad", "binnenstedelijk bouwen", "luchtkwaliteit"],
    },
    {
        "name": "Gemeente Sittard-Geleen",
        "kind": "municipality",
        "city": "Sittard-Geleen",
        "country": "NL",
        "website": "https://www.sittard-geleen.nl",
        "description": (
            "In deze Zuid-Limburgse gemeente ligt Chemelot, een chemiepark waarop ook de Brightlands "
            "Chemelot Campus is gevestigd. Waar vroeger steenkool werd gewonnen, wordt nu gewerkt aan de "
            "energietransitie."
        ),
        "tags": ["energietransitie", "economie", "innovatie"],
    },
    {
        "name": "Gemeente Amsterdam",
        "kind": "municipality",
        "city": "Amsterdam",
        "country": "NL",
        "website": "https://www.amsterdam.nl",
        "description": (
            "De hoofdstad coördineert het Europese partnerschap voor de inclusie van migranten en "
            "vluchtelingen. Het Pact van Amsterdam, waarmee in 2016 de Europese Agenda Stad tot stand kwam, "
            "draagt de naam van de stad."
        ),
        "tags": ["europa", "migratie", "inclusie"],
    },
    {
        "name": "Gemeente Rotterdam",
        "kind": "municipality",
        "city": "Rotterdam",
        "country": "NL",
        "website": "https://www.rotterdam.nl",
        "description": (
            "Rotterdam doet mee aan het Europese partnerschap over banen en vaardigheden in de lokale "
            "economie. In de havenstad werd ook de eerste Nederlandse social deal gesloten, gericht op "
            "jeugdwerkloosheid."
        ),
        "tags": ["werk", "economie", "europa"],
    },
    {
        "name": "Gemeente Den Haag",
        "kind": "municipality",
        "city": "Den Haag",
        "country": "NL",
        "website": "https://www.denhaag.nl",
        "description": (
            "De stad van regering en parlement is actief in het Europese partnerschap voor de circulaire "
            "economie. Groene plekken als het Malieveld en het Haagse Bos liggen op loopafstand van veel "
            "ministeries."
        ),
        "tags": ["circulaire economie", "europa"],
    },
    {
        "name": "Gemeente Apeldoorn",
        "kind": "municipality",
        "city": "Apeldoorn",
        "country": "NL",
        "website": "https://www.apeldoorn.nl",
        "description": (
            "Apeldoorn stelde het terrein van de voormalige Zwitsalfabriek tien jaar beschikbaar voor vrije "
            "ontwikkeling. Daar kreeg onder meer de Energiefabriek de ruimte om te experimenteren."
        ),
        "tags": ["circulaire economie", "participatie"],
    },
    {
        "name": "Gemeente Eindhoven",
        "kind": "municipality",
        "city": "Eindhoven",
        "country": "NL",
        "website": "https://www.eindhoven.nl",
        "description": (
            "Eindhoven profileert zich als stad van technologie en design. De gemeente is betrokken bij het "
            "Europese partnerschap voor de digitale transitie."
        ),
        "tags": ["digitalisering", "innovatie", "europa"],
    },
    {
        "name": "Gemeente Nijmegen",
        "kind": "municipality",
        "city": "Nijmegen",
        "country": "NL",
        "website": "https://www.nijmegen.nl",
        "description": (
            "Nijmegen neemt deel aan het Europese partnerschap voor stedelijke mobiliteit. In 2018 was de "
            "stad Green Capital of Europe."
        ),
        "tags": ["mobiliteit", "duurzaamheid", "europa"],
    },
    {
        "name": "G32-stedennetwerk",
        "kind": "network",
        "city": "Den Haag",
        "country": "NL",
        "website": "",
        "description": (
            "De G32 is een samenwerkingsverband van grote en middelgrote Nederlandse steden. Het netwerk "
            "laat onderzoek doen naar onder meer de leefbaarheid van kwetsbare wijken en de innovatiekracht "
            "van het mkb."
        ),
        "tags": ["samenwerking", "bestuur", "economie"],
    },
    {
        "name": "Europese Investeringsbank",
        "kind": "eu_institution",
        "city": "Luxemburg",
        "country": "LU",
        "website": "https://www.eib.org",
        "description": (
            "De Europese Investeringsbank is de bank van de Europese Unie en financiert projecten in de "
            "lidstaten. In het partnerschap voor betaalbare huisvesting liet de bank weten meer sociale "
            "woningbouw te willen financieren."
        ),
        "tags": ["europa", "financiering", "wonen"],
    },
    {
        "name": "Europese Commissie",
        "kind": "eu_institution",
        "city": "Brussel",
        "country": "BE",
        "website": "https://commission.europa.eu",
        "description": (
            "De Europese Commissie is het dagelijks bestuur van de Europese Unie en doet voorstellen voor "
            "nieuwe regelgeving. Ze is vertegenwoordigd in de partnerschappen van de Europese Agenda Stad."
        ),
        "tags": ["europa", "regelgeving"],
    },
    {
        "name": "Hollander Techniek",
        "kind": "company",
        "city": "Apeldoorn",
        "country": "NL",
        "website": "",
        "description": (
            "Hollander Techniek is een groot technisch familiebedrijf. Het bedrijf werkte samen met andere "
            "cleantechbedrijven mee aan studentenonderzoek naar duurzame energie op het Apeldoornse "
            "Zwitsalterrein."
        ),
        "tags": ["energietransitie", "techniek"],
    },
    {
        "name": "Energiefabriek Apeldoorn",
        "kind": "civil_society",
        "city": "Apeldoorn",
        "country": "NL",
        "website": "",
        "description": (
            "De Energiefabriek is een stichting van inwoners van Apeldoorn, gehuisvest in de vroegere "
            "Zwitsalfabriek. Ze brengt overheid, bedrijven, onderwijs en burgers samen om te laten zien hoe "
            "een participerende, circulaire stad kan werken."
        ),
        "tags": ["circulaire economie", "participatie", "burgerinitiatief"],
    },
    {
        "name": "Vechtclub XL",
        "kind": "company",
        "city": "Utrecht",
        "country": "NL",
        "website": "",
        "description": (
            "Vechtclub XL is een broedplaats voor startende en creatieve ondernemers in een voormalige loods "
            "in de Utrechtse Merwedekanaalzone. Het verzamelgebouw werd in 2012 met crowdfunding ingericht "
            "en huisvest onder meer werkplaatsen, studio’s, een brouwerij en een restaurant."
        ),
        "tags": ["broedplaats", "binnenstedelijk bouwen", "ondernemerschap"],
    },
    {
        "name": "Ministerie van Vervoer en Bouw van de Slowaakse Republiek",
        "kind": "ministry",
        "city": "Bratislava",
        "country": "SK",
        "website": "",
        "description": (
            "Het Slowaakse ministerie dat onder meer verantwoordelijk is voor vervoer en bouw. Namens "
            "Slowakije coördineerde het samen met de stad Wenen het Europese partnerschap voor betaalbare "
            "huisvesting."
        ),
        "tags": ["wonen", "europa"],
    },
    {
        "name": "Stad Wenen",
        "kind": "municipality",
        "city": "Wenen",
        "country": "AT",
        "website": "https://www.wien.gv.at",
        "description": (
            "De Oostenrijkse hoofdstad staat bekend om haar grote voorraad gemeentelijke en gesubsidieerde "
            "huurwoningen. Wenen was met Slowakije coördinator van het partnerschap voor betaalbare "
            "huisvesting."
        ),
        "tags": ["wonen", "europa"],
    },
    {
        "name": "Ministerie van Justitie en Veiligheid",
        "kind": "ministry",
        "city": "Den Haag",
        "country": "NL",
        "website": "https://www.rijksoverheid.nl/ministeries/ministerie-van-justitie-en-veiligheid",
        "description": (
            "Het ministerie van Justitie en Veiligheid gaat onder meer over politie, rechtspraak en de "
            "bestrijding van criminaliteit. Het ministerie is partner in de City Deal Zorg voor Veiligheid "
            "in de Stad."
        ),
        "tags": ["veiligheid", "city deals"],
    },
    {
        "name": "Gemeente Voerendaal",
        "kind": "municipality",
        "city": "Voerendaal",
        "country": "NL",
        "website": "https://www.voerendaal.nl",
        "description": (
            "Voerendaal is een kleine gemeente in Zuid-Limburg, vlak bij Heerlen. In juni 2022 ondertekende "
            "de gemeente als een van de eerste vijf de Town Deal Sterke Streken."
        ),
        "tags": ["town deals", "platteland"],
    },
    {
        "name": "Gemeente Beesel",
        "kind": "municipality",
        "city": "Beesel",
        "country": "NL",
        "website": "https://www.beesel.nl",
        "description": (
            "Beesel is een Noord-Limburgse gemeente aan de Maas. De gemeente is een van de vijf "
            "ondertekenaars van de eerste Town Deal, Sterke Streken."
        ),
        "tags": ["town deals", "platteland"],
    },
    {
        "name": "Gemeente Noardeast-Fryslân",
        "kind": "municipality",
        "city": "Dokkum",
        "country": "NL",
        "website": "https://www.noardeast-fryslan.nl",
        "description": (
            "Noardeast-Fryslân ontstond in 2019 uit een gemeentelijke herindeling in het noordoosten van "
            "Friesland. Met vier andere gemeenten tekende zij in 2022 de Town Deal Sterke Streken."
        ),
        "tags": ["town deals", "platteland"],
    },
    {
        "name": "Gemeente Het Hogeland",
        "kind": "municipality",
        "city": "Winsum",
        "country": "NL",
        "website": "https://www.hethogeland.nl",
        "description": (
            "Het Hogeland is een plattelandsgemeente in het noorden van Groningen, langs de Waddenkust. De "
            "gemeente hoort bij de ondertekenaars van de Town Deal Sterke Streken."
        ),
        "tags": ["town deals", "platteland"],
    },
    {
        "name": "Gemeente Bronckhorst",
        "kind": "municipality",
        "city": "Hengelo (Gld)",
        "country": "NL",
        "website": "https://www.bronckhorst.nl",
        "description": (
            "Bronckhorst is een Achterhoekse gemeente met veel kleine kernen. Ook Bronckhorst zette in juni "
            "2022 zijn handtekening onder de Town Deal Sterke Streken."
        ),
        "tags": ["town deals", "platteland"],
    },
]

# People refer to their organisation by its exact name in ORGANISATIONS.
PEOPLE = [
    {
        "name": "Sebastien Garnier",
        "job_title": "Belangenbehartiger Europese Zaken",
        "organisation": "Aedes",
        "bio": (
            "Sebastien Garnier behartigt vanuit Brussel de Europese belangen van Aedes, de vereniging van "
            "Nederlandse woningcorporaties. Hij is vanaf de eerste bijeenkomst betrokken bij het Europese "
            "partnerschap voor betaalbare huisvesting. Daar pleit hij voor ruimere staatssteunregels voor "
            "sociale huisvesting."
        ),
        "portrait_credit": "Aedes",
        "website": "",
        "tags": ["wonen", "europa"],
    },
    {
        "name": "Jorren Scherpenisse",
        "job_title": "Onderzoeker",
        "organisation": "Nederlandse School voor Openbaar Bestuur",
        "bio": (
            "Jorren Scherpenisse doet onderzoek bij de NSOB en promoveert op de betekenis van tijd in het "
            "openbaar bestuur. Hij is een van de auteurs van het essay ‘Werken met City Deals’."
        ),
        "portrait_credit": "NSOB",
        "website": "",
        "tags": ["bestuur", "city deals"],
    },
    {
        "name": "Martin Schulz",
        "job_title": "Co-decaan",
        "organisation": "Nederlandse School voor Openbaar Bestuur",
        "bio": (
            "Martin Schulz is co-decaan van de Nederlandse School voor Openbaar Bestuur. Samen met zijn "
            "collega’s analyseerde hij hoe het Rijk, steden en andere partners samenwerken in de City Deals."
        ),
        "portrait_credit": "NSOB",
        "website": "",
        "tags": ["bestuur", "city deals"],
    },
    {
        "name": "Mark van Twist",
        "job_title": "Decaan",
        "organisation": "Nederlandse School voor Openbaar Bestuur",
        "bio": (
            "Mark van Twist is decaan van de NSOB. Met Jorren Scherpenisse en Martin Schulz schreef hij het "
            "essay ‘Werken met City Deals’ over samenwerking in de tijd."
        ),
        "portrait_credit": "NSOB",
        "website": "",
        "tags": ["bestuur", "city deals"],
    },
    {
        "name": "Martine de Vaan",
        "job_title": "Projectmanager gebiedsontwikkeling en duurzame innovatie",
        "organisation": "Rijksvastgoedbedrijf",
        "bio": (
            "Bij het Rijksvastgoedbedrijf houdt Martine de Vaan zich bezig met gebiedsontwikkeling en "
            "duurzame innovatie. Ze loopt elke dag zeven kilometer, vaak tijdens werkoverleggen, en pleit "
            "voor groene wandelroutes in de stad."
        ),
        "portrait_credit": "Ministerie van BZK",
        "website": "",
        "tags": ["gezonde stad", "dag van de stad"],
    },
    {
        "name": "Denis Crompvoets",
        "job_title": "Directiesecretaris en G32-coördinator",
        "organisation": "Gemeente Sittard-Geleen",
        "bio": (
            "Denis Crompvoets is directiesecretaris van de gemeente Sittard-Geleen en coördinator binnen het "
            "G32-stedennetwerk. Hij ziet zichzelf als ‘diplomaat van de stad’ en werkt aan het versterken "
            "van de innovatiekracht van het mkb."
        ),
        "portrait_credit": "Ministerie van BZK",
        "website": "",
        "tags": ["energietransitie", "economie"],
    },
    {
        "name": "Manon Reckin",
        "job_title": "Projectleider Aanpak Onaantastbaren",
        "organisation": "Gemeente Maastricht",
        "bio": (
            "Manon Reckin werkt bij de afdeling Veiligheid van de gemeente Maastricht. Als projectleider van "
            "de Aanpak Onaantastbaren zorgt ze dat politie, hulpverleners en andere partners één lijn "
            "trekken."
        ),
        "portrait_credit": "Pieter Verbeek",
        "website": "",
        "tags": ["veiligheid", "city deals"],
    },
    {
        "name": "Anouk Crapts",
        "job_title": "Projectleider Kwetsbare wijken",
        "organisation": "Gemeente Maastricht",
        "bio": (
            "Anouk Crapts is bij de gemeente Maastricht verantwoordelijk voor het project Kwetsbare wijken. "
            "Samen met woningcorporaties en wijkteams werkt ze aan de leefbaarheid van buurten als Malberg "
            "en Mariaberg."
        ),
        "portrait_credit": "Pieter Verbeek",
        "website": "",
        "tags": ["wonen", "veiligheid"],
    },
    {
        "name": "Nicolaas Beets",
        "job_title": "Speciaal gezant Europese Agenda Stad",
        "organisation": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "bio": (
            "Nicolaas Beets was namens Nederland speciaal gezant voor de Europese Agenda Stad. Tijdens het "
            "Nederlandse EU-voorzitterschap in 2016 was hij de drijvende kracht achter het Pact van "
            "Amsterdam."
        ),
        "portrait_credit": "Kick Smeets",
        "website": "",
        "tags": ["europa", "bestuur"],
    },
    {
        "name": "Aldert de Vries",
        "job_title": "Adviseur Bestuurlijke Zaken",
        "organisation": "Gemeente Utrecht",
        "bio": (
            "Aldert de Vries adviseert het Utrechtse stadsbestuur en geeft leiding aan de Agenda Gezond "
            "Stedelijk Leven. Hij was vanaf de eerste dag betrokken bij Agenda Stad."
        ),
        "portrait_credit": "Ministerie van BZK",
        "website": "",
        "tags": ["gezonde stad", "binnenstedelijk bouwen"],
    },
    {
        "name": "Jantine Kriens",
        "job_title": "Voorzitter van de directieraad",
        "organisation": "Vereniging van Nederlandse Gemeenten",
        "bio": (
            "Jantine Kriens staat als voorzitter van de directieraad aan het hoofd van de VNG. Ze zit in de "
            "regiegroep van Agenda Stad en pleit voor sterke regio’s die vanuit hun eigen identiteit "
            "vernieuwen."
        ),
        "portrait_credit": "Agenda Stad",
        "website": "",
        "tags": ["bestuur", "economie"],
    },
    {
        "name": "Jacob Brobbel",
        "job_title": "Initiatiefnemer",
        "organisation": "Energiefabriek Apeldoorn",
        "bio": (
            "Jacob Brobbel nam het initiatief tot de Energiefabriek in de oude Zwitsalfabriek in Apeldoorn. "
            "Daarnaast werkt hij als manager Business Development bij Hollander Techniek."
        ),
        "portrait_credit": "Energiefabriek Apeldoorn",
        "website": "",
        "tags": ["circulaire economie", "energietransitie"],
    },
    {
        "name": "Sadik Harchaoui",
        "job_title": "Directeur",
        "organisation": "Society Impact",
        "bio": (
            "Sadik Harchaoui leidt Society Impact, dat sociaal ondernemers en investeerders met elkaar in "
            "contact brengt. Hij zit in de regiegroep van Agenda Stad."
        ),
        "portrait_credit": "Society Impact",
        "website": "",
        "tags": ["sociale impact", "economie"],
    },
]

# The e-zine's own editorial staff (invented names): the bylines of the demo articles.
WRITERS = ["Eva Verhoeven", "Thijs Bakker"]
PEOPLE += [
    {
        "name": "Eva Verhoeven",
        "job_title": "Eindredacteur e-zine",
        "organisation": "",
        "bio": "Eva Verhoeven leidt de redactie van het e-zine en schrijft vooral over Europese steden.",
        "portrait_credit": "",
        "website": "",
        "tags": [],
    },
    {
        "name": "Thijs Bakker",
        "job_title": "Redacteur e-zine",
        "organisation": "",
        "bio": "Thijs Bakker volgt de City Deals en interviewt de mensen die ze uitvoeren.",
        "portrait_credit": "",
        "website": "",
        "tags": [],
    },
]


# EU Urban Agenda partnerships. Only the Housing Partnership dates are documented (December 2015
# to 2018, end day approximate); the other start dates are approximate demo values, and statuses
# reflect the period covered by the articles. Coordinators are not repeated in members; members take
# part as a city, ministry or partner by their kind.
# Milestones: (date, precision, kind, description[, titles of articles]); a date known only to the month
# or year is its first day. The Housing Partnership's start, action plan and end and the Pact of Amsterdam
# (30 May 2016, on its timeline only) are the programme's facts; other years are those of the start above.
PARTNERSHIPS = [
    {
        "name": "Partnerschap Betaalbare Huisvesting",
        "theme": "housing",
        "start_date": "2015-12-01",
        "end_date": "2018-12-31",
        "status": "completed",
        "description": (
            "Het partnerschap was een van de vier proefpartnerschappen waarmee de Europese Agenda Stad "
            "begon, nog voor het Pact van Amsterdam. Lidstaten, steden, de Europese Commissie, de Europese "
            "Investeringsbank en maatschappelijke organisaties werkten samen aan betaalbare en beschikbare "
            "woningen voor iedereen in Europa. Het werk mondde uit in een actieplan met dertien acties, "
            "onder meer over staatssteunregels, kennisdeling en Europese financiering."
        ),
        "website": "https://futurium.ec.europa.eu/en/urban-agenda",
        "action_plan_url": "",
        "members": [
            "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
            "Aedes",
            "Europese Investeringsbank",
            "Europese Commissie",
        ],
        "coordinators": ["Ministerie van Vervoer en Bouw van de Slowaakse Republiek", "Stad Wenen"],
        "contacts": ["Sebastien Garnier"],
        "tags": ["wonen", "europa", "sociale huur"],
        "milestones": [
            (
                "2015-12-01",
                "month",
                "start",
                "Het partnerschap begint als een van de eerste van de Agenda Stad.",
            ),
            (
                "2016-05-30",
                "day",
                "other",
                "Met het Pact van Amsterdam stellen de EU-lidstaten de Agenda Stad vast.",
            ),
            (
                "2018-01-01",
                "year",
                "action_plan",
                "Het actieplan verschijnt, met dertien acties.",
                ["Betaalbare huisvesting voor iedereen in Europa"],
            ),
            ("2018-01-01", "year", "end", "Het partnerschap rondt zijn werk af."),
        ],
    },
    {
        "name": "Partnerschap Inclusie van Migranten en Vluchtelingen",
        "theme": "migrants",
        "start_date": "2016-01-01",
        "end_date": None,
        "status": "active",
        "description": (
            "Dit partnerschap onderzoekt hoe Europese regels, fondsen en kennis steden beter kunnen helpen "
            "bij het opvangen en laten meedoen van nieuwkomers. Amsterdam is coördinator. Steden, lidstaten "
            "en Europese instellingen wisselen ervaringen uit over onder meer huisvesting, werk en onderwijs "
            "voor migranten en vluchtelingen."
        ),
        "website": "https://futurium.ec.europa.eu/en/urban-agenda",
        "action_plan_url": "",
        "members": ["Europese Commissie"],
        "coordinators": ["Gemeente Amsterdam"],
        "contacts": [],
        "tags": ["europa", "migratie", "inclusie"],
        "milestones": [
            ("2016-01-01", "year", "start", "Het partnerschap gaat van start."),
        ],
    },
    {
        "name": "Partnerschap Luchtkwaliteit",
        "theme": "air_quality",
        "start_date": "2016-01-01",
        "end_date": None,
        "status": "active",
        "description": (
            "Schone lucht is van directe invloed op de gezondheid van stedelingen. In dit partnerschap "
            "zoeken steden, lidstaten en de Europese Commissie naar manieren om Europees beleid beter te "
            "laten aansluiten op lokale maatregelen. Utrecht brengt er zijn ervaring met gezond stedelijk "
            "leven in."
        ),
        "website": "https://futurium.ec.europa.eu/en/urban-agenda",
        "action_plan_url": "",
        "members": ["Gemeente Utrecht", "Europese Commissie"],
        "coordinators": [],
        "contacts": [],
        "tags": ["gezonde stad", "europa", "luchtkwaliteit"],
        "milestones": [
            ("2016-01-01", "year", "start", "Het partnerschap gaat van start."),
        ],
    },
    {
        "name": "Partnerschap Banen en Vaardigheden in de Lokale Economie",
        "theme": "jobs_skills",
        "start_date": "2016-11-01",
        "end_date": None,
        "status": "active",
        "description": (
            "Hoe zorgen steden ervoor dat inwoners de vaardigheden hebben die de lokale economie vraagt? Dat "
            "is de kernvraag van dit partnerschap. Rotterdam neemt namens Nederland deel en deelt er zijn "
            "aanpak van werk en scholing."
        ),
        "website": "https://futurium.ec.europa.eu/en/urban-agenda",
        "action_plan_url": "",
        "members": ["Gemeente Rotterdam", "Europese Commissie"],
        "coordinators": [],
        "contacts": [],
        "tags": ["economie", "werk", "europa"],
        "milestones": [
            ("2016-01-01", "year", "start", "Het partnerschap gaat van start."),
        ],
    },
    {
        "name": "Partnerschap Circulaire Economie",
        "theme": "circular_economy",
        "start_date": "2016-11-01",
        "end_date": None,
        "status": "active",
        "description": (
            "Dit partnerschap werkt aan het hergebruik van grondstoffen, producten en gebouwen in de stad. "
            "Deelnemers brengen in kaart welke Europese regels circulaire initiatieven in de weg zitten en "
            "hoe financiering en kennis beter kunnen worden ingezet. Den Haag is een van de deelnemende "
            "steden."
        ),
        "website": "https://futurium.ec.europa.eu/en/urban-agenda",
        "action_plan_url": "",
        "members": ["Gemeente Den Haag", "Europese Commissie"],
        "coordinators": [],
        "contacts": [],
        "tags": ["circulaire economie", "europa"],
        "milestones": [
            ("2016-01-01", "year", "start", "Het partnerschap gaat van start."),
        ],
    },
]

# City Deals and Town Deals. The signing days are approximate demo values (the Town Deal was
# signed in June 2022); their milestones say only the year (the month for the Town Deal). Partner lists
# only contain organisations known to be involved.
CITY_DEALS = [
    {
        "name": "City Deal Inclusieve Stad",
        "kind": "city_deal",
        "signed_on": "2016-06-15",
        "end_date": None,
        "phase": "execution",
        "description": (
            "In deze City Deal werken gemeenten en Rijk samen aan betere ondersteuning van gezinnen met "
            "problemen op meerdere terreinen tegelijk. Na de decentralisaties in het sociaal domein ontstond "
            "ruimte om daar met experimenten nieuwe oplossingen voor te vinden. Wat lokaal werkt, moet later "
            "op grotere schaal bruikbaar worden."
        ),
        "website": "",
        "partners": ["Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"],
        "contacts": [],
        "tags": ["city deals", "sociaal domein", "samenwerking"],
        "milestones": [
            ("2016-01-01", "year", "signing", "Gemeenten en Rijk ondertekenen de deal."),
        ],
    },
    {
        "name": "City Deal Zorg voor Veiligheid in de Stad",
        "kind": "city_deal",
        "signed_on": "2016-11-24",
        "end_date": None,
        "phase": "execution",
        "description": (
            "Steden en ministeries zoeken in deze deal naar manieren om zorg en veiligheid beter met elkaar "
            "te verbinden, vooral in kwetsbare wijken. Deelnemende gemeenten brengen pilots in, zoals de "
            "Maastrichtse Aanpak Onaantastbaren. Knelpunten die meerdere steden tegenkomen, bijvoorbeeld "
            "rond privacy en het delen van gegevens, worden gezamenlijk op de agenda gezet."
        ),
        "website": "",
        "partners": [
            "Gemeente Maastricht",
            "Ministerie van Justitie en Veiligheid",
            "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        ],
        "contacts": ["Manon Reckin", "Anouk Crapts"],
        "tags": ["veiligheid", "city deals", "kwetsbare wijken"],
        "milestones": [
            ("2016-01-01", "year", "signing", "Gemeenten en Rijk ondertekenen de deal."),
        ],
    },
    {
        "name": "City Deal Binnenstedelijk Bouwen en Transformatie",
        "kind": "city_deal",
        "signed_on": "2016-03-10",
        "end_date": None,
        "phase": "execution",
        "description": (
            "Deze City Deal richt zich op het bouwen binnen de bestaande stad en het geven van een nieuwe "
            "functie aan leegstaande gebouwen. De partners spoorden gezamenlijk obstakels op die projecten "
            "vertragen; parkeernormen bleken er daar een van. Zulke inzichten kunnen vervolgens op veel meer "
            "plekken worden toegepast."
        ),
        "website": "",
        "partners": ["Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"],
        "contacts": [],
        "tags": ["binnenstedelijk bouwen", "city deals", "wonen"],
        "milestones": [
            ("2016-01-01", "year", "signing", "Gemeenten en Rijk ondertekenen de deal."),
        ],
    },
    {
        "name": "Town Deal Sterke Streken",
        "kind": "town_deal",
        "signed_on": "2022-06-22",
        "end_date": None,
        "phase": "execution",
        "description": (
            "Sterke Streken is de eerste Town Deal: een City Deal op maat van kleinere gemeenten. Vijf "
            "gemeenten uit verschillende delen van het land werken samen met het Rijk aan vraagstukken die "
            "buiten de grote steden spelen. Ze delen kennis en zoeken gezamenlijk naar oplossingen die ook "
            "voor andere dorpen en kleine kernen bruikbaar zijn."
        ),
        "website": "",
        "partners": [
            "Gemeente Voerendaal",
            "Gemeente Beesel",
            "Gemeente Noardeast-Fryslân",
            "Gemeente Het Hogeland",
            "Gemeente Bronckhorst",
            "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        ],
        "contacts": [],
        "tags": ["town deals", "platteland", "samenwerking"],
        "milestones": [
            (
                "2022-06-01",
                "month",
                "signing",
                "Vijf gemeenten en het Rijk ondertekenen de eerste Town Deal.",
            ),
        ],
    },
]

# Ten articles based on the archive pieces (same subjects, new wording). published_at is
# Europe/Amsterdam local time; the scheduled article gets a future date when the data is loaded.
ARTICLES = [
    {
        "title": "Betaalbare huisvesting voor iedereen in Europa",
        "kind": "interview",
        "lead": (
            "Het Partnerschap Betaalbare Huisvesting was een van de eerste werkgroepen van de Europese "
            "Agenda Stad. Namens de Nederlandse woningcorporaties praat Aedes vanaf het begin mee. Sebastien "
            "Garnier vertelt wat het partnerschap tot nu toe heeft opgeleverd."
        ),
        "body": (
            "<p>Nog voordat het Pact van Amsterdam in mei 2016 werd ondertekend, zaten lidstaten, steden, de "
            "Europese Commissie, de Europese Investeringsbank en maatschappelijke organisaties al bij elkaar "
            "rond één vraag: hoe krijgt iedere Europeaan toegang tot een betaalbaar huis? Nederland doet mee "
            "via het ministerie van BZK en via Aedes. Sebastien Garnier, die vanuit Brussel de Europese "
            "belangen van de corporatiekoepel behartigt, is er sinds de eerste vergadering bij.</p>"
            '<h2 class="question">Hoe verliepen de eerste maanden?</h2><p>“Er lag geen draaiboek. We '
            "moesten zelf uitvinden hoe je zo’n partnerschap organiseert, en vooral aftasten hoe lidstaten, "
            "Commissie en steden zich tot elkaar verhouden. De sfeer was opvallend Nederlands: weinig "
            "hiërarchie, iedereen praat op voet van gelijkheid mee. Dat vind ik de echte winst. Brussel "
            "hoort via deze weg veel sneller waar steden in de praktijk op vastlopen.”</p>"
            '<h2 class="question">Waar hebben jullie je vooral op gericht?</h2><p>“De Agenda Stad kent '
            "drie sporen: betere regels, betere kennisdeling en betere toegang tot Europees geld. Aedes "
            "heeft zich vooral op dat eerste spoor gestort, en dan op de staatssteunregels voor sociale "
            "huisvesting. Die knellen in de praktijk, remmen investeringen af en hadden eigenlijk allang "
            "herzien moeten worden. Steden hebben meer speelruimte nodig om hun eigen woningtekort aan te "
            'pakken.”</p><h2 class="question">Wat merkt Nederland daarvan?</h2><p>“Wij hebben een grote '
            "sociale huursector, met een landelijke inkomensgrens voor wie ervoor in aanmerking komt. Die "
            "grens is er gekomen na klachten van beleggers en na overleg met Brussel, omdat Europa sociale "
            "huisvesting zo krap definieert. In Frankrijk en Zweden speelde hetzelfde. Ons voorstel is om "
            "die definitie te schrappen en lidstaten zelf te laten bepalen wat ze onder sociale huisvesting "
            "verstaan. Bij echte misstanden kan de Commissie nog altijd ingrijpen. Onze ideeën staan in een "
            'Guidance Paper van het partnerschap.”</p><h2 class="question">Is het overal in Europa '
            "hetzelfde verhaal?</h2><p>“Zeker niet. In Oost-Europa heeft negentig tot vijfennegentig procent "
            "van de mensen een koopwoning, tegen zo’n zestig procent bij ons. Daar is juist het opknappen "
            "van verouderde flats een probleem, mede doordat de staatssteunregels bijna elk appartement als "
            "een onderneming behandelen. Vandaar ons pleidooi voor subsidiariteit: regels die rekening "
            'houden met lokale en regionale verschillen.”</p><h2 class="question">Wat gebeurt er nu met '
            "jullie aanbevelingen?</h2><p>“De directeuren-generaal van de lidstaten hebben de eerste set "
            "overgenomen en doorgestuurd naar de Commissie. Op het Cities Forum in Rotterdam, eind november, "
            "lichten we ze opnieuw toe. Ondertussen bereiden we workshops over staatssteun voor, vullen we "
            "een database met goede voorbeelden en heeft de EIB laten weten meer sociale woningbouw te "
            "willen financieren. De laatste bijeenkomst staat voor 2018 gepland, maar partners vragen nu al "
            "waarom we dan zouden stoppen. Dat zegt genoeg.”</p><p>Meer over het partnerschap staat op de "
            '<a href="https://futurium.ec.europa.eu/en/urban-agenda">website van de Urban Agenda</a>.</p>'
        ),
        "published_at": "2017-11-16T10:00",
        "status": "published",
        "scheduled": False,
        "people": ["Sebastien Garnier"],
        "organisations": [
            "Aedes",
            "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
            "Europese Investeringsbank",
            "Europese Commissie",
        ],
        "partnership": "Partnerschap Betaalbare Huisvesting",
        "city_deal": None,
        "tags": ["wonen", "europa", "samenwerking"],
        "hero_alt": "Portretkaart van Sebastien Garnier met de initialen SG",
        "hero_caption": "Sebastien Garnier volgt het partnerschap namens Aedes vanuit Brussel.",
        "hero_credit": "Aedes",
        "source_note": "",
        "source_url": "",
        "related": ["‘Steden worden alleen maar belangrijker’"],
        "attachment_title": "",
    },
    {
        "title": "‘Alle klokken gelijk in een City Deal’",
        "kind": "background",
        "lead": (
            "Hoe houd je het Rijk, steden, bedrijven en maatschappelijke organisaties in de pas? In een "
            "nieuw essay over de City Deals wijst de NSOB op een vaak vergeten factor: tijd."
        ),
        "body": (
            "<p>Onderzoekers van de Nederlandse School voor Openbaar Bestuur spraken met "
            "directeuren-generaal, directeuren en projectleiders over hun ervaringen met de City Deals van "
            "Agenda Stad. Mark van Twist, Jorren Scherpenisse en Martin Schulz bundelden de uitkomsten in "
            "het essay ‘Werken met City Deals’. De kern: een deal is geen instrument met een vaste "
            "gebruiksaanwijzing, maar een manier van werken.</p><h2>Ruimte in plaats van regels</h2><p>“Wie "
            "een City Deal als instrument ziet, zet zichzelf op het verkeerde been”, zegt Scherpenisse. “Er "
            "wordt met opzet weinig vastgelegd. Voor en na de handtekening zoeken de bestuurders naar wat "
            "een opgave nodig heeft, en die zoektocht verloopt bij elke deal weer anders.” Co-decaan Martin "
            "Schulz wijst op de omvang van de opgaven, van klimaat en energie tot veiligheid en gezondheid. "
            "“Geen overheid krijgt dat in haar eentje voor elkaar. Je hebt bedrijven, maatschappelijke "
            "partners en andere bestuurslagen nodig.” Het nieuwe kabinet heeft in het regeerakkoord "
            "aangekondigd door te gaan met de City Deals.</p><h2>Iedere partij een eigen klok</h2><p>Naast "
            "de samenwerking tussen bestuurslagen zien de auteurs een tweede dimensie: tijd. Elke partner "
            "heeft een eigen begrotingsjaar, verkiezingskalender en stip op de horizon. “Over de inhoud zijn "
            "partijen het meestal snel eens, over het tempo veel minder”, zegt Scherpenisse, die promoveert "
            "op tijd en bestuur. “De één verkent nog, de ander wil al resultaten laten zien om de inzet te "
            "rechtvaardigen. Lopen die klokken te ver uiteen, dan kan een samenwerking helemaal stilvallen.” "
            "De onderzoekers spreken daarom van multi-temporal governance.</p><h2>Na het feest begint het "
            "werk</h2><p>Elke deal start met een feestelijke ondertekening. Dat geeft het onderwerp een "
            "flinke duw, maar het markeert zelden het einde van de onderhandelingen. Het essay laat zien hoe "
            "partners daarna hun tijdpaden kunnen afstemmen: door tussenresultaten te vieren, samen ambities "
            "voor de lange termijn te formuleren en vooraf af te spreken wanneer er wordt geëxperimenteerd "
            "en wanneer er wordt opgeschaald. Zo kunnen ze meeliften op elkaars vaart.</p><h2>Een tandwiel "
            "in het raderwerk</h2><p>Schulz vergelijkt een deal met een tandwiel dat andere raderen laat "
            "meedraaien. In de City Deal Binnenstedelijk Bouwen en Transformatie ontdekten de partners dat "
            "parkeernormen veel bouwplannen ophouden; dat inzicht kon daarna op tal van plekken worden "
            "gebruikt. Bij de City Deal Inclusieve Stad boden de decentralisaties precies het momentum om de "
            "hulp aan gezinnen met meervoudige problemen samen met het Rijk een stap verder te brengen. De "
            "auteurs waarschuwen wel dat deals niet te gewoon moeten worden: ze zijn bedoeld voor bijzondere "
            "opgaven, naast convenanten, akkoorden en pps.</p><p>Het essay is vanaf 30 oktober te downloaden "
            'via de <a href="https://www.nsob.nl">website van de NSOB</a>.</p>'
        ),
        "published_at": "2017-10-30T09:00",
        "status": "published",
        "scheduled": False,
        "people": ["Jorren Scherpenisse", "Martin Schulz", "Mark van Twist"],
        "organisations": ["Nederlandse School voor Openbaar Bestuur"],
        "partnership": None,
        "city_deal": "City Deal Inclusieve Stad",
        "tags": ["city deals", "bestuur", "samenwerking", "binnenstedelijk bouwen"],
        "hero_alt": "Portretkaart van Jorren Scherpenisse en Martin Schulz",
        "hero_caption": "Jorren Scherpenisse en Martin Schulz van de NSOB.",
        "hero_credit": "NSOB",
        "source_note": "",
        "source_url": "",
        "related": [
            "‘Veiligheid en leefbaarheid terug in de wijk’",
            "Crisis dwingt gemeenten tot samenwerking",
        ],
        "attachment_title": "Essay Werken met City Deals (pdf)",
    },
    {
        "title": "Lopen en vergaderen tegelijk",
        "kind": "portrait",
        "lead": (
            "Zeven kilometer per dag wandelen, zonder dat het je extra tijd kost: Martine de Vaan van het "
            "Rijksvastgoedbedrijf doet het al tweeënhalf jaar. Op de Dag van de Stad legt ze uit hoe."
        ),
        "body": (
            "<p>Wie een afspraak maakt met Martine de Vaan, doet er goed aan stevige schoenen aan te "
            "trekken. De Vaan houdt zich bij het Rijksvastgoedbedrijf bezig met gebiedsontwikkeling en "
            "duurzame innovatie, en ze voert een groot deel van haar werkgesprekken al wandelend. Op de Dag "
            "van de Stad, maandag 30 oktober, vertelt ze daarover in de workshop ‘Walking Being’.</p><h2>Het "
            "Malieveld als vergaderzaal</h2><p>Haar vaste route begint om de hoek van kantoor. “Voor een "
            "kort overleg is het Malieveld ideaal”, zegt ze. “Je kunt er met z’n drieën naast elkaar lopen "
            "zonder dat iemand je in de weg staat. Duurt het gesprek langer, dan lopen we door naar het "
            "Haagse Bos.” Volgens De Vaan brengt wandelen een gesprek in beweging, in meer dan één opzicht. "
            "“Mensen worden er vrolijker van, en de ideeën komen makkelijker los.”</p><p>Tweeënhalf jaar "
            "geleden nam ze zich voor om dagelijks zeven kilometer te lopen, zonder daar extra tijd voor "
            "vrij te maken. Dat lukt, omdat ze het lopen koppelt aan wat ze toch al deed. Een update over "
            "een project of een kop koffie met een collega: het kan allemaal onderweg. Ook met vrienden "
            "maakt ze eerst een ommetje door de stad, pas daarna schuiven ze aan in een restaurant.</p>"
            "<h2>Anders voorbereiden</h2><p>Dat bewegen tijdens werktijd goed is voor de resultaten én voor "
            "de onderlinge verhoudingen, blijkt onder meer uit onderzoek van Stanford University. Een "
            "wandeloverleg vraagt volgens De Vaan niet méér voorbereiding, wel een andere. “Er is geen "
            "scherm en geen stapel papier, dus je bent sneller bij de kern. Moet er iets worden vastgelegd, "
            "dan spreek ik het onderweg in of zet ik het na afloop even op een rij.”</p><h2>Een stad voor "
            "voetgangers</h2><p>Sinds ze zoveel buiten is, kijkt De Vaan anders naar de stad. Ze ziet vaker "
            "plekken waar bij het ontwerp nauwelijks aan de voetganger is gedacht. “Wil je dat mensen lopen "
            "inbouwen in hun dagelijkse routine, dan heb je groene rondjes nodig, ook vlak bij kantoren. Dat "
            "vraagt iets van stedenbouwers en planmakers, maar het levert gezondere en gelukkigere mensen "
            "op.” Op de Dag van de Stad houdt ze daar een vurig pleidooi voor.</p>"
        ),
        "published_at": "2017-10-24T11:30",
        "status": "published",
        "scheduled": False,
        "people": ["Martine de Vaan"],
        "organisations": ["Rijksvastgoedbedrijf", "Gemeente Den Haag"],
        "partnership": None,
        "city_deal": None,
        "tags": ["gezonde stad", "dag van de stad", "binnenstedelijk bouwen"],
        "hero_alt": "Portretkaart van Martine de Vaan met de initialen MV",
        "hero_caption": "Martine de Vaan wandelt het liefst over het Malieveld.",
        "hero_credit": "Ministerie van BZK",
        "source_note": "Dit artikel verscheen eerder op Facebook, op de pagina van het ministerie van BZK.",
        "source_url": "",
        "related": ["‘Van steenkool naar zonneauto’", "Vechtclub XL in Utrecht"],
        "attachment_title": "",
    },
    {
        "title": "‘Van steenkool naar zonneauto’",
        "kind": "portrait",
        "lead": (
            "Waar ooit mijnwerkers door de poort liepen, staat nu een zonneauto in de hal. Denis Crompvoets "
            "van de gemeente Sittard-Geleen ziet in Chemelot een les voor elke regio die wil vernieuwen."
        ),
        "body": (
            "<p>Hij noemt zichzelf graag een ‘diplomaat van de stad’. Denis Crompvoets is directiesecretaris "
            "van de gemeente Sittard-Geleen en coördinator binnen de G32, het netwerk van grote en "
            "middelgrote Nederlandse gemeenten. Voor dat netwerk werkt hij aan een project over de vraag hoe "
            "steden het innovatievermogen van mkb-bedrijven verder kunnen vergroten.</p><h2>Van mijnwerkers "
            "naar studenten</h2><p>Voor dit portret neemt Crompvoets ons mee naar het chemiepark Chemelot, "
            "waar ook de Brightlands Chemelot Campus is gevestigd. “Een eeuw geleden liep je hier door de "
            "poort tussen drommen mijnwerkers”, vertelt hij. “Vandaag stap je naar binnen met een groep "
            "internationale studenten en sta je in de centrale hal oog in oog met een zonneauto.” De folie "
            "op die wagen, waarmee een team van de TU Delft onlangs de Solar Challenge won, is op deze "
            "campus ontwikkeld.</p><p>Wat de plek volgens hem bijzonder maakt, is de centrale rol van het "
            "bedrijfsleven. Bedrijven werken er nauw samen met onder meer de universiteiten van Maastricht "
            "en Aken. Gevestigde producenten, dienstverleners en andere partners weten elkaar daardoor snel "
            "en zonder omwegen te vinden.</p><h2>Vooruitlopen op verandering</h2><p>De geschiedenis van het "
            "terrein bevat volgens Crompvoets een les voor elke regio. “De kolen die hier werden gedolven, "
            "waren niet van de beste kwaliteit. Daardoor moest men al vroeg nadenken over wat er na de "
            "mijnen zou komen.” Na de steenkool volgde de petrochemie, en inmiddels loopt Chemelot voorop in "
            "de energietransitie. “Wacht niet tot veranderingen je overvallen, maar zorg dat je ze een stap "
            "voor bent. Dat levert groei op, voor onze regio en voor Nederland als geheel.”</p><h2>Vijf "
            "stappen op de Dag van de Stad</h2><p>Tijdens de Dag van de Stad (30 oktober, Utrecht) laat "
            "Crompvoets aan de hand van vijf stappen zien hoe regio’s meer grip krijgen op de "
            "vernieuwingskracht van hun mkb. Chemelot dient daarbij als inspiratiebron. Meer over het "
            'chemiepark staat op <a href="https://chemelot.nl/">chemelot.nl</a>; het programma van de dag '
            'vind je op <a href="https://www.dedagvandestad.nl/">dedagvandestad.nl</a>.</p>'
        ),
        "published_at": "2017-10-26T11:30",
        "status": "published",
        "scheduled": False,
        "people": ["Denis Crompvoets"],
        "organisations": ["Gemeente Sittard-Geleen", "G32-stedennetwerk"],
        "partnership": None,
        "city_deal": None,
        "tags": ["energietransitie", "economie", "dag van de stad", "samenwerking"],
        "hero_alt": "Portretkaart van Denis Crompvoets met de initialen DC",
        "hero_caption": "Denis Crompvoets, directiesecretaris van Sittard-Geleen.",
        "hero_credit": "Ministerie van BZK",
        "source_note": "Dit artikel verscheen eerder op Facebook, op de pagina van het ministerie van BZK.",
        "source_url": "",
        "related": ["Lopen en vergaderen tegelijk", "Vechtclub XL in Utrecht"],
        "attachment_title": "",
    },
    {
        "title": "‘Veiligheid en leefbaarheid terug in de wijk’",
        "kind": "background",
        "lead": (
            "Criminele families die zich onaantastbaar voelen, maar ook schulden en eenzaamheid achter "
            "gesloten rolluiken: Maastricht pakt zijn kwetsbare wijken op verschillende manieren aan. De "
            "City Deal Zorg voor Veiligheid helpt daarbij."
        ),
        "body": (
            "<p>Met de kwetsbare wijken in Nederland gaat het niet goed. Dat blijkt uit recent onderzoek "
            "waartoe de G32 opdracht gaf. Mensen met schulden of psychiatrische problemen, jongeren die "
            "zonder diploma van school gingen en asielzoekers wonen steeds vaker bij elkaar in dezelfde "
            "buurten. Sinds 2012 zag bijna de helft van de bewoners van achterstandswijken de leefbaarheid "
            "verslechteren. Ook Maastricht herkent dat beeld.</p><h2>De Onaantastbaren</h2><p>Een deel van "
            "de problemen in de stad komt op het conto van een paar families die in ambtelijke stukken ‘de "
            "Onaantastbaren’ heten: 52 personen, verspreid over twee wijken. “Ze ronselen jongeren uit "
            "kwetsbare gezinnen als hun ‘soldaten’”, zegt Manon Reckin, die bij de afdeling Veiligheid de "
            "Aanpak Onaantastbaren leidt. “Winkeldiefstal, overvallen en het intimideren van buren en "
            "hulpverleners horen bij hun vaste repertoire.” Buurtbewoners durfden geen melding te doen en "
            "hulpverleners meden de gezinnen. Alleen de politie had nog contact.</p><h2>Van repressie naar "
            "zorg</h2><p>Een jaar of vier geleden trok de politie aan de bel. Onder leiding van de "
            "toenmalige burgemeester Onno Hoes volgde een groot onderzoek: in een jaar tijd 109 "
            "aanhoudingen, 44 gearresteerde verdachten en 373 strafbare feiten. Daarna verschoof de aandacht "
            "naar zorg en preventie, en moest Reckin alle partners op één lijn krijgen. “We hebben een film "
            "laten maken om iedereen wakker te schudden. Sommige professionals dachten nog aan kwajongens "
            "die weleens een fiets jatten. Toen ze zagen hoe diezelfde jongens overvallen pleegden en de "
            "camera uitdaagden, was dat beeld snel verdwenen.” Tegenwoordig overleggen de partners elke "
            "woensdag en gaat niemand meer op eigen houtje op pad. “Voor de politie was het wennen: na jaren "
            "van confrontatie gaan agenten nu het gesprek aan.”</p><h2>De jongeren als sleutel</h2>"
            "<p>Burgemeester Penn-te Strake, voorzitter van de stuurgroep, legt het zwaartepunt bij de "
            "jongeren. Samen met Podium24 en het jongerenwerk wil de gemeente hun dagen zinvol vullen, zodat "
            "ronselen lastiger wordt. De aanpak is een pilot binnen de City Deal Zorg voor Veiligheid in de "
            "Stad, waarin ook ministeries meedoen. “Zij kunnen ons helpen met privacyvragen”, zegt Reckin. "
            "“Deze families geven nooit toestemming. Andere steden lopen daar ook op vast, en wij willen van "
            "hen leren.”</p><h2>Stenen en mensen</h2><p>In oude parochiewijken als Malberg, Mariaberg en "
            "Wittevrouwenveld zit de onveiligheid vaak onder de oppervlakte. Anouk Crapts, projectleider "
            "Kwetsbare wijken, kijkt vooral naar de opbouw van die wijken: te veel sociale huur op één plek "
            "vergroot de afstand tussen arm en rijk. Sinds een herijking eind 2016 trekt de gemeente daarom "
            "nauwer op met de corporaties, met een gevarieerde mix van woningen en bewoners als doel. "
            "“Veiligheid en sociaal beleid horen bij elkaar”, zegt Crapts. “Dat is nog lang niet overal "
            "vanzelfsprekend.”</p>"
        ),
        "published_at": "2017-06-20T10:00",
        "status": "published",
        "scheduled": False,
        "people": ["Manon Reckin", "Anouk Crapts"],
        "organisations": ["Gemeente Maastricht", "G32-stedennetwerk"],
        "partnership": None,
        "city_deal": "City Deal Zorg voor Veiligheid in de Stad",
        "tags": ["veiligheid", "wonen", "city deals", "samenwerking"],
        "hero_alt": "Portretkaart van Manon Reckin en Anouk Crapts",
        "hero_caption": "De Maastrichtse projectleiders Manon Reckin en Anouk Crapts.",
        "hero_credit": "Pieter Verbeek",
        "source_note": "",
        "source_url": "",
        "related": ["‘Alle klokken gelijk in een City Deal’"],
        "attachment_title": "",
    },
    {
        "title": "‘Steden worden alleen maar belangrijker’",
        "kind": "interview",
        "lead": (
            "Een jaar na het Pact van Amsterdam kijkt speciaal gezant Nicolaas Beets tevreden terug. De "
            "Europese Agenda Stad heeft vaart gekregen."
        ),
        "body": (
            "<p>Op 30 mei 2016 namen de Europese ministers die over stedelijke zaken gaan de Europese Agenda "
            "Stad aan. Het Pact van Amsterdam legt vast dat de 28 lidstaten samen optrekken met de "
            "Commissie, het Parlement, de permanente vertegenwoordigers van de lidstaten (Coreper) en de "
            "Europese stedennetwerken. Samen werken ze aan een gemeenschappelijke agenda voor steden. "
            "Nicolaas Beets speelde als speciaal gezant een hoofdrol bij de totstandkoming. Een jaar later "
            "sprak het e-zine Blik op BZK met hem.</p><h2>Het Pact in het kort</h2><ul><li>Partnerschappen "
            "rond twaalf stedelijke thema’s, van migranten en vluchtelingen tot luchtkwaliteit, armoede, "
            "werkgelegenheid en huisvesting.</li><li>86 deelnemers: Europese steden, ministeries, "
            "EU-instellingen en andere betrokken organisaties.</li><li>Drie doelen: betere Europese regels, "
            "betere toegang tot Europese fondsen en meer kennisuitwisseling.</li></ul>"
            '<h2 class="question">Hoe kijkt u terug op het eerste jaar?</h2><p>“Als een olievlek die zich '
            "steeds verder uitbreidt.”</p><p>Op 4 juli 2017 presenteerden de partnerschappen hun eerste "
            "resultaten op de bijeenkomst ‘Eén jaar Pact van Amsterdam’. Toch lag de nadruk die dag vooral "
            "op de toekomst: welke positie krijgen de Europese steden in de jaren die komen?</p>"
            '<h2 class="question">Waarom lukte het juist tijdens het Nederlandse voorzitterschap?</h2>'
            "<p>“Het idee van een Europese agenda voor steden is niet nieuw. In 1997 werd er al over "
            "gesproken, daarna raakte het een tijd uit beeld. Toen Nederland in het eerste halfjaar van 2016 "
            "het voorzitterschap van de Raad van de EU bekleedde, grepen we die kans aan om het "
            "daadwerkelijk te regelen. Lang daarvoor merkten we al dat de Commissie, het Parlement, het "
            "Comité van de Regio’s en de stedenkoepels erachter stonden. Van alle kanten kregen we hetzelfde "
            "signaal: Nederland, pak het nu op.”</p><p>Het volledige interview met Nicolaas Beets is te "
            "lezen in het e-zine Blik op BZK.</p>"
        ),
        "published_at": "2017-07-12T10:00",
        "status": "published",
        "scheduled": False,
        "people": ["Nicolaas Beets"],
        "organisations": ["Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "Europese Commissie"],
        "partnership": None,
        "city_deal": None,
        "tags": ["europa", "bestuur", "samenwerking"],
        "hero_alt": "Portretkaart van Nicolaas Beets met de initialen NB",
        "hero_caption": "Nicolaas Beets, speciaal gezant voor de Europese Agenda Stad.",
        "hero_credit": "Kick Smeets",
        "source_note": "Dit interview verscheen eerst in het e-zine Blik op BZK.",
        "source_url": "",
        "related": ["Betaalbare huisvesting voor iedereen in Europa"],
        "attachment_title": "",
    },
    {
        "title": "Vechtclub XL in Utrecht",
        "kind": "portrait",
        "lead": (
            "Waar eerst alleen lege loodsen stonden, wordt nu gewerkt, gebrouwen en gegeten. Aldert de Vries "
            "van de gemeente Utrecht vertelt over Vechtclub XL en over de vraag wat er met zo’n plek gebeurt "
            "als de stad eromheen gaat bouwen."
        ),
        "body": (
            "<p>Rond de Dag van de Stad portretteerde de redactie van BZK een reeks stadsmakers: mensen die "
            "hun stad op hun eigen manier vooruithelpen. Aldert de Vries, adviseur Bestuurlijke Zaken in "
            "Utrecht, stuurt binnen de gemeente de Agenda Gezond Stedelijk Leven aan. Hij koos voor een plek "
            "die laat zien wat ondernemers op eigen kracht kunnen bereiken: Vechtclub XL.</p><h2>Een "
            "broedplaats in een lege loods</h2><p>Het verhaal begint in 2012. Vechtclub XL, dat zijn naam "
            "dankt aan een eerdere plek in Overvecht, trekt dan in een leegstaande loods in de "
            "Merwedekanaalzone. Het oude bedrijventerrein ligt er op dat moment verlaten bij. Met geld dat "
            "via crowdfunding is opgehaald, bouwt een groep ondernemers de hal om tot een verzamelgebouw "
            "voor beginnende en creatieve bedrijven. Er komen werkplaatsen en ontwerpstudio’s, maar ook een "
            "restaurant, een bierbrouwerij, een vershal en zelfs stadslandbouw.</p><p>“Ze hebben het gebied "
            "weer tot leven gewekt”, zegt De Vries. “Er wordt gewerkt, er komen bezoekers op af. Daarmee is "
            "de Vechtclub van betekenis geworden voor de hele stad. Zulke plekken heb je hard nodig, en je "
            "wilt ze ook voor later behouden.”</p><h2>Bouwen rond een motor</h2><p>Juist daar zit de "
            "spanning. De Merwedekanaalzone is het gebied waar Utrecht de komende jaren het meest gaat "
            "bouwen. De stad groeit razendsnel, en het voormalige industrieterrein biedt ruimte voor een "
            "woonwijk met een hoge dichtheid, waar het prettig wonen is en de voorzieningen van de stad om "
            "de hoek liggen. “Dan rijst vanzelf de vraag wat er met de Vechtclub gebeurt”, zegt De Vries. "
            "“Mogen ze blijven?”</p><p>De ondernemers zelf twijfelen niet. Zij willen de motor van de nieuwe "
            "wijk zijn en laten zien dat verstedelijking ook op een andere manier kan.</p><h2>Groeien zonder "
            "te verliezen</h2><p>De Vries was vanaf de eerste dag betrokken bij Agenda Stad. Het voorbeeld "
            "van de Vechtclub laat zien met welke vragen groeiende steden worstelen: hoe bouw je bij zonder "
            "de plekken kwijt te raken die een stad levendig maken? Het antwoord daarop ligt niet alleen bij "
            "de gemeente, maar ook bij de ondernemers, bewoners en ontwikkelaars die het gebied de komende "
            "jaren vorm gaan geven.</p>"
        ),
        "published_at": "2017-11-02T10:00",
        "status": "draft",
        "scheduled": False,
        "people": ["Aldert de Vries"],
        "organisations": ["Gemeente Utrecht", "Vechtclub XL"],
        "partnership": None,
        "city_deal": None,
        "tags": ["binnenstedelijk bouwen", "gezonde stad", "dag van de stad", "economie"],
        "hero_alt": "Portretkaart van Aldert de Vries met de initialen AV",
        "hero_caption": "Aldert de Vries van de gemeente Utrecht.",
        "hero_credit": "Ministerie van BZK",
        "source_note": "",
        "source_url": "",
        "related": ["Lopen en vergaderen tegelijk", "‘Van steenkool naar zonneauto’"],
        "attachment_title": "",
    },
    {
        "title": "Crisis dwingt gemeenten tot samenwerking",
        "kind": "interview",
        "lead": (
            "Concurreren heeft gemeenten weinig opgeleverd, samenwerken des te meer. Jantine Kriens van de "
            "VNG ziet sterke regio’s als de weg uit de crisis."
        ),
        "body": (
            "<p>Jantine Kriens is voorzitter van de directieraad van de VNG en zit namens de gemeenten in de "
            "regiegroep van Agenda Stad. Ze is ervan overtuigd dat Nederland uit de crisis komt dankzij "
            "sterke regio’s die vanuit hun eigen karakter vernieuwen. “Daar ontstaan de banen.”</p>"
            '<h2 class="question">Wat is er veranderd in de verhouding tussen gemeenten?</h2><p>“Gemeenten '
            "zaten elkaar vroeger nogal eens dwars. Kijk naar al die lelijke bedrijventerreinen uit de jaren "
            "voor de crisis, aangelegd omdat iedereen de buren voor wilde zijn. Veel daarvan staan nu half "
            "leeg. Concurreren loont niet, hebben we geleerd; we hebben elkaar nodig. Neem Amsterdam en "
            "Haarlemmermeer. De burgemeesters hadden het niet altijd makkelijk met elkaar, terwijl Schiphol "
            "ze aan elkaar bindt. Nu zegt de burgemeester van Haarlemmermeer in het buitenland zonder "
            'aarzelen dat hij uit Amsterdam komt. Dat is een enorme omslag.”</p><h2 class="question">Waar '
            "moeten gemeenten de komende jaren op inzetten?</h2><p>“Vooral op de lokale economie en de "
            "arbeidsmarkt die daarbij hoort. Dat vraagt om lef en om oog voor kansen, of je nu een "
            "winkelstad bent, een industrieregio in verandering, een agrarisch gebied of een grensgemeente. "
            "De kloof tussen de stedelijke regio’s en het platteland groeit. Ook de band met inwoners "
            "verdient aandacht. Eens in de vier jaar verkiezingen houden is niet genoeg. Inwoners nemen "
            "steeds vaker zelf het initiatief, en veel gemeenten proberen nieuwe manieren van sturen "
            'uit.”</p><h2 class="question">Verandert daarmee ook het werk van de ambtenaar?</h2><p>“Zeker. '
            "Veel uitvoering is uitbesteed: er zijn nog maar weinig gemeenten die zelf het afval ophalen of "
            "hun begraafplaatsen onderhouden. De gemeente wordt een regieorganisatie. Daar horen ambtenaren "
            "bij die weten wat er in hun gemeente speelt en het bestuur daarover goed kunnen adviseren.”</p>"
            '<h2 class="question">En over de landsgrens heen?</h2><p>“Ook daar gebeurt veel. Maastricht '
            "werkt samen met Aken, Enschede stuurt stagiairs naar Duitsland, Gent en Terneuzen trekken samen "
            "op in ouderenbeleid en onderwijs. Rotterdam, Antwerpen en Le Havre waren lange tijd "
            'concurrenten en zoeken elkaar nu op.”</p><h2 class="question">Wat baart u de meeste '
            "zorgen?</h2><p>“Gemeenten hebben veel taken erbij gekregen, terwijl er een korting van 4 "
            "miljard euro dreigt. We moeten dus nieuw verdienvermogen organiseren, bijvoorbeeld door slimmer "
            "te investeren en nauwer op te trekken met corporaties en schoolbesturen. Ik zou ook graag zien "
            "dat regio’s een eigen belastinggebied krijgen. Dan zien inwoners direct het verband tussen wat "
            "ze betalen en wat ze ervoor terugkrijgen.”</p><p>Voor Agenda Stad schreven de gemeenten een "
            "position paper. De rode draad: ruimte voor innovatie, minder belemmeringen voor groei en meer "
            "werk, in steden die economisch én sociaal sterk staan.</p>"
        ),
        "published_at": "2015-04-02T10:00",
        "status": "published",
        "scheduled": False,
        "people": ["Jantine Kriens"],
        "organisations": ["Vereniging van Nederlandse Gemeenten"],
        "partnership": None,
        "city_deal": None,
        "tags": ["bestuur", "economie", "samenwerking"],
        "hero_alt": "Portretkaart van Jantine Kriens met de initialen JK",
        "hero_caption": "Jantine Kriens tijdens een werkconferentie van Agenda Stad.",
        "hero_credit": "Agenda Stad",
        "source_note": "",
        "source_url": "",
        "related": ["Social deals voor meer sociale vitaliteit", "‘Alle klokken gelijk in een City Deal’"],
        "attachment_title": "",
    },
    {
        "title": "Leegstaande fabriek Apeldoorn groeit naar circulaire stad",
        "kind": "interview",
        "lead": (
            "Op het terrein van de oude Zwitsalfabriek bouwt de Energiefabriek aan een participerende, "
            "circulaire stad. Initiatiefnemer Jacob Brobbel vertelt hoe inwoners, bedrijven en gemeente daar "
            "samen experimenteren."
        ),
        "body": (
            "<p>In de voormalige Zwitsalfabriek in Apeldoorn wordt volop geëxperimenteerd met de stad van de "
            "toekomst. Initiatiefnemer Jacob Brobbel benadrukt dat het daarbij om veel meer gaat dan "
            "zonnepanelen. “Het gaat om de energie die tussen mensen ontstaat”, zegt hij. “Gezond eten, "
            "bewegen, werk dat bij je past, tijd met anderen. Dat klinkt misschien als een rijtje "
            "modewoorden, maar wij willen in de praktijk laten zien dat het werkt.”</p><p>Brobbel combineert "
            "het project met zijn baan als manager Business Development bij Hollander Techniek, een groot "
            "familiebedrijf dat hem daarvoor de ruimte geeft. In 2014 gaf de gemeente hem groen licht om in "
            'de lege fabriek nieuwe initiatieven te beginnen.</p><h2 class="question">Hoe kwam het terrein '
            "beschikbaar?</h2><p>“De gemeente had de negen hectare gekocht voor woningbouw, maar dat plan "
            "liep vast. Daarom heeft ze terrein en gebouwen tien jaar vrijgegeven, zodat het gebied zich "
            "vanuit een visie kan ontwikkelen. De Energiefabriek is een van de partijen die mag uitzoeken "
            "welke kant dat op gaat. We zijn nu een jaar bezig en hebben al een paar verrassende lessen "
            'geleerd.”</p><h2 class="question">Wat was het lastigst?</h2><p>“Een beweging op gang brengen '
            "met heel verschillende partijen. In het begin voelde dat als pure chaos, maar inmiddels zitten "
            "overheid, bedrijven, onderwijs en inwoners samen aan tafel. De Energiefabriek is een stichting "
            "van de inwoners zelf. Het bestuur bestaat uit professionals die naast hun baan vrijwillig hun "
            "kennis inzetten. Samen met de G1000 willen we een groep van duizend burgers vormen die in "
            "beweging wil komen. En we houden het gemeentebestuur steeds aangehaakt, zodat het ziet wat er "
            'hier ontstaat.”</p><h2 class="question">Welke projecten zijn er al uit voortgekomen?</h2>'
            "<p>“Neem Living Top Sport, een platform van en voor de topsporters van Apeldoorn. De stad kent "
            "drie topsporten: wielrennen, atletiek en volleybal. Daar kun je zelden van rondkomen, en na "
            "tien jaar sport is de stap naar een baan groot. In het vroegere kantoor van de gasfabriek "
            "werken de sporters aan hun loopbaan na de sport en worden ze zichtbaar voor bedrijven. Er zijn "
            "ook 24 appartementen waar ze kunnen wonen.”</p><p>“Daarnaast is er het Human Innovation Lab. "
            "Daar onderzochten 28 masterstudenten Sustainable Energy Technology van de TU Eindhoven welke "
            "duurzame energiemaatregelen haalbaar zijn op het Zwitsalterrein, in opdracht van E.NU Veluwe en "
            "samen met onder meer Remeha, KIWA en Hollander Techniek. En er komt een open innovatiecentrum "
            "waar zorg, cleantechstarters en onderwijs onder één dak werken. Wie met een goed idee komt, "
            "moet een podium krijgen. Anders haakt hij af en zie je hem nooit meer terug.”</p>"
        ),
        "published_at": "2015-05-12T10:00",
        "status": "published",
        "scheduled": False,
        "people": ["Jacob Brobbel"],
        "organisations": ["Energiefabriek Apeldoorn", "Hollander Techniek", "Gemeente Apeldoorn"],
        "partnership": None,
        "city_deal": None,
        "tags": ["circulaire economie", "energietransitie", "sociale impact"],
        "hero_alt": "Portretkaart van Jacob Brobbel met de initialen JB",
        "hero_caption": "Jacob Brobbel, initiatiefnemer van de Energiefabriek Apeldoorn.",
        "hero_credit": "Energiefabriek Apeldoorn",
        "source_note": "",
        "source_url": "",
        "related": ["Social deals voor meer sociale vitaliteit"],
        "attachment_title": "",
    },
    {
        "title": "Social deals voor meer sociale vitaliteit",
        "kind": "interview",
        "lead": (
            "Subsidie raakt op en banken zijn voorzichtig. Sadik Harchaoui van Society Impact zoekt met "
            "social deals naar nieuwe manieren om maatschappelijke initiatieven te financieren."
        ),
        "body": (
            "<p>De economische crisis en diepgaande veranderingen in de economie zetten de verzorgingsstaat "
            "onder druk, stelt Sadik Harchaoui, directeur van Society Impact. Hij ziet een grote rol voor "
            "sociaal ondernemers, die maatschappelijke problemen op een vernieuwende manier aanpakken, en "
            "wil investeringen losmaken om hen te laten groeien. Als lid van de regiegroep hoopt hij dat "
            "Agenda Stad ondernemers, bedrijven en overheden één kant op kan krijgen.</p>"
            '<h2 class="question">Hoe is Society Impact ontstaan?</h2><p>“We zijn in 2013 begonnen met '
            "steun van het ministerie van BZK. Inmiddels zijn ook VWS, SZW en Veiligheid en Justitie "
            "opdrachtgever, en doen banken, vermogensfondsen, filantropen en sociaal ondernemers mee. Samen "
            "zoeken we naar impactinvesteringen in het publieke domein. In de participatiesamenleving nemen "
            "burgers vaker zelf het heft in handen, maar wie betaalt hun initiatieven? Subsidie is er "
            "nauwelijks nog, banken lenen niet graag aan ondernemers met een hoog risico en schenkingen "
            "maken plaats voor investeringen. Er zijn dus andere manieren van financieren nodig.”</p>"
            '<h2 class="question">Hoe werkt zo’n social deal?</h2><p>“Een private partij, bijvoorbeeld een '
            "bank, financiert een ondernemer die aantoonbaar resultaat boekt, zoals het ondersteunen van "
            "mantelzorgers. Levert dat de overheid een besparing op, dan betaalt zij de financier daaruit "
            "achteraf terug. Dat is het idee achter de Social Impact Bond. Het risico ligt bij de "
            "investeerder: haalt de ondernemer de afgesproken prestaties niet, dan is de bank haar geld "
            "kwijt en niet de overheid. Bij pps-constructies was dat vaak andersom. Bovendien mag een "
            "private partij maatwerk leveren, terwijl de overheid iedereen gelijk moet behandelen.”</p>"
            '<h2 class="question">Wat is er al bereikt?</h2><p>“In anderhalf jaar hebben we een pijplijn '
            "van 220 ondernemers opgebouwd. De eerste deal, in Rotterdam, richtte zich op jeugdwerkloosheid. "
            "Op 20 april is in Utrecht The Colour Kitchen van start gegaan, een traject van ruim vier jaar "
            "waarin mensen tussen 17 en 35 jaar leren en werken. In Zaanstad sloten we een deal met "
            "Flextensie en de Rabobank. Het belangrijkste bij elke deal zijn heldere, meetbare afspraken: "
            "minder opnames in ziekenhuis of verpleeghuis, of een dalende BMI bij kinderen die te zwaar "
            'zijn.”</p><h2 class="question">Wat verwacht u van Agenda Stad?</h2><p>“Dat het een '
            "inspirerende beweging blijft, die draait om vernieuwing en om dingen anders durven doen. "
            "Lobbyen voor goede randvoorwaarden hoort daarbij, maar het mag geen verstard lobbykanaal "
            "worden.”</p>"
        ),
        "published_at": "2015-04-28T10:00",
        "status": "published",
        "scheduled": True,
        "people": ["Sadik Harchaoui"],
        "organisations": ["Society Impact", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"],
        "partnership": None,
        "city_deal": None,
        "tags": ["sociale impact", "economie", "samenwerking"],
        "hero_alt": "Portretkaart van Sadik Harchaoui met de initialen SH",
        "hero_caption": "Sadik Harchaoui bij de opening van The Colour Kitchen in Utrecht.",
        "hero_credit": "Society Impact",
        "source_note": "",
        "source_url": "",
        "related": [
            "Leegstaande fabriek Apeldoorn groeit naar circulaire stad",
            "Crisis dwingt gemeenten tot samenwerking",
        ],
        "attachment_title": "",
    },
]

# Who wrote what ("Tekst: ..."): the two writers take turns; the longer pieces are by both.
for _number, _article in enumerate(ARTICLES):
    _article.setdefault("authors", WRITERS if len(_article["people"]) > 2 else [WRITERS[_number % 2]])
