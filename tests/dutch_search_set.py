"""The Dutch test set of the search: what readers type, and a text in this domain it must find.

Grouped by what makes them hard. Each query must find its text among many others (all pairs are
indexed together). ``MISSES`` are pairs that must *not* match: the stemmer would otherwise merge
unrelated words.
"""

PAIRS = [
    # regular plurals and singulars
    ("woning", "Er komen driehonderd nieuwe woningen aan de rand van de stad."),
    ("woningen", "De gemeente bouwt een woning voor starters op het oude fabrieksterrein."),
    ("wijken", "In deze wijk wonen veel jonge gezinnen met kinderen."),
    ("gemeenten", "De gemeente Maastricht tekende het akkoord als eerste."),
    ("partnerschappen", "Het partnerschap voor luchtkwaliteit begon in 2016."),
    ("bewoners", "Een bewoner vertelt over het leven in de buurt."),
    # -ies and 's plurals
    ("subsidie", "Het Rijk verstrekt subsidies voor het verduurzamen van scholen."),
    ("subsidies", "Een subsidie voor zonnepanelen op het dak van het buurthuis."),
    ("auto", "Steeds meer auto's rijden elektrisch door het centrum."),
    ("auto's", "De auto blijft voortaan buiten de singel."),
    ("autos", "Deelauto's staan op vaste plekken in de nieuwe wijk."),
    ("regio's", "De regio werkt samen aan meer werkgelegenheid."),
    ("foto", "Foto's van de bijeenkomst staan op de website."),
    ("ministeries", "Het ministerie van BZK coördineert het programma."),
    # irregular plurals
    ("schip", "De schepen van de binnenvaart varen dwars door Zwolle."),
    ("schepen", "Een schip vol containers meert aan in de haven."),
    ("lid", "De leden van de raad stemden in met het voorstel."),
    ("leden", "Zij is lid van de regiegroep van het programma."),
    ("raadslid", "Drie raadsleden stelden vragen over de aanpak."),
    ("stad", "Grote steden trekken jonge mensen aan."),
    ("steden", "De stad Utrecht groeit snel."),
    ("kind", "Kinderen spelen weer op straat."),
    # verb forms
    ("werken", "Hij werkte jarenlang bij de provincie."),
    ("gewerkt", "Wij werken aan betaalbare huisvesting."),
    ("werkt", "Er is hard gewerkt aan het actieplan."),
    ("samenwerken", "De samenwerking tussen Rijk en steden is nieuw."),
    ("samenwerking", "Gemeenten hebben samengewerkt in de regio."),
    ("evalueren", "Het programma werd in 2019 geëvalueerd."),
    ("evaluatie", "De afspraken worden volgend jaar geëvalueerd."),
    ("ondertekenen", "De partners ondertekenden het convenant in 2016."),
    ("besluiten", "De raad besloot het plan toch uit te voeren."),
    ("schrijven", "Zij schreef een essay over bestuur in netwerken."),
    ("bouwen", "Er wordt gebouwd aan een nieuw stadsdeel."),
    ("investeren", "De bank heeft fors geïnvesteerd in sociale woningbouw."),
    ("vergaderen", "Tijdens de vergadering werd het plan besproken."),
    ("ondernemers", "Sociaal ondernemerschap groeit in de stad."),
    # diacritics
    ("reunie", "De reünie van oud-deelnemers vond plaats in Den Haag."),
    ("reünie", "Een reunie voor alle betrokkenen van het eerste uur."),
    ("geevalueerd", "Het beleid is geëvalueerd door de onderzoekers."),
    ("cooperatie", "De coöperatie van bewoners beheert het gebouw."),
    ("ideeen", "Bewoners droegen ideeën aan voor het plein."),
    ("café", "In het cafe op de hoek komen buurtbewoners samen."),
    ("coördinatie", "De coordinatie ligt bij de stad Wenen."),
    # compounds: a part finds the whole
    ("contract", "Het huurcontract loopt af na vijf jaar."),
    ("corporaties", "Woningcorporaties investeren in verduurzaming."),
    ("subsidie", "De huursubsidie gaat volgend jaar omhoog."),
    ("beleid", "Het veiligheidsbeleid van de gemeente wordt herzien."),
    ("vervoer", "Meer geld voor streekvervoer in de provincie."),
    ("wijk", "Een achterstandswijk krijgt extra aandacht."),
    ("bouw", "De woningbouw loopt vertraging op."),
    ("stad", "De binnenstad wordt autoluw."),
    ("deal", "De citydeal werd in Den Haag getekend."),
    ("werkloosheid", "De jeugdwerkloosheid daalt voor het eerst in jaren."),
    # spacing and hyphen variants
    ("email", "Stuur uw reactie per e-mail."),
    ("e-mail", "U ontvangt een email met de bevestiging."),
    ("e-mail", "Het emailadres van het secretariaat staat hieronder."),
    ("Town Deal", "De eerste towndeals werden in 2022 gesloten."),
    ("towndeals", "Vijf gemeenten tekenden samen een Town Deal."),
    ("town-deal", "Town Deals zijn bedoeld voor kleinere gemeenten."),
    ("town deal", "Over de town-deal Sterke Streken."),
    ("city deal", "De citydeal Inclusieve Stad loopt nog twee jaar."),
    ("co-creatie", "Cocreatie met bewoners staat centraal."),
    ("Sittard Geleen", "De gemeente Sittard-Geleen werkt aan de energietransitie."),
    ("zorg verzekeraar", "De zorgverzekeraar betaalt mee aan het project."),
    # case
    ("VNG", "De vng vertegenwoordigt alle gemeenten."),
    ("AGENDA STAD", "Het programma Agenda Stad loopt sinds 2015."),
    # the last word typed is a prefix
    ("woningcorp", "Woningcorporaties en gemeenten maakten prestatieafspraken."),
    ("duurza", "Duurzaamheid staat hoog op de agenda van de raad."),
    ("energie", "De energietransitie vraagt veel van kleine gemeenten."),
    ("huur", "Sociale huurwoningen zijn schaars in de Randstad."),
    # several words, several phenomena
    ("veilige wijken", "Veiligheid in de wijk staat bij de aanpak voorop."),
    ("sociale huurwoning", "Sociale huurwoningen worden verkocht aan beleggers."),
    ("jongeren werkloosheid", "Jeugdwerkloosheid onder jongeren is hardnekkig."),
    ("subsidies gemeenten", "Elke gemeente kan een subsidie aanvragen."),
    # inflected adjectives: the closed syllable opens ("kwetsbaar" → "kwetsbare")
    ("kwetsbare wijken", "Deze wijk is kwetsbaar, zegt de wethouder."),
    ("kwetsbaar", "Maastricht werkt aan haar kwetsbare buurten."),
    ("duurzame energie", "Het dorp wil duurzaam opgewekte energie gebruiken."),
    ("sociaal", "De sociale huursector in Nederland is groot."),
    ("europese regels", "Europees beleid bepaalt de regels voor staatssteun."),
    ("financiele steun", "Het Rijk biedt financiële steun aan de pilot."),
    ("onaantastbare families", "De aanpak van de Onaantastbaren richt zich op families."),
    ("goede voorbeelden", "Een goed voorbeeld is de aanpak in Eindhoven."),
]

MISSES = [
    ("wonen", "Dat is gewoon een kwestie van tijd."),
    ("gemeente", "Ik meen het, zei de minister."),
    ("begeleiding", "Het beleid van de provincie verandert."),
    ("lid", "Tien jaar geleden begon het project."),
    ("leden", "De overleden burgemeester werd herdacht."),
    ("stad", "Het staat in de krant."),
]
