"""The ranking set of the search: what readers type, and the result they expect first.

Over the demo content (``load_demo``) and 400 generated articles (``generate_content --articles 400
--seed 1``). Each entry is ``(query, expected)``: ``expected`` is the result's title as shown (an
article's title, a person's or organisation's name), or ``(title, year)`` when several results have that
title and the newest, of that year, should come first. Grouped by what a reader expects:

- a title that is the query (or holds it) above texts that only mention the words;
- the exact name of a person, organisation, partnership or deal above texts that mention it;
- the words next to each other (a phrase) above the same words scattered;
- of equally good matches, the most recent first.
"""

RANKING = [
    # Title matches: the article titled with the words, not an organisation that mentions them.
    ("steden", "‘Steden worden alleen maar belangrijker’"),
    ("steden belangrijker", "‘Steden worden alleen maar belangrijker’"),
    ("lopen en vergaderen", "Lopen en vergaderen tegelijk"),
    ("vergaderen", "Lopen en vergaderen tegelijk"),
    ("steenkool", "‘Van steenkool naar zonneauto’"),
    ("zonneauto", "‘Van steenkool naar zonneauto’"),
    ("veiligheid en leefbaarheid", "‘Veiligheid en leefbaarheid terug in de wijk’"),
    ("leefbaarheid", "‘Veiligheid en leefbaarheid terug in de wijk’"),
    ("crisis", "Crisis dwingt gemeenten tot samenwerking"),
    ("klokken gelijk", "‘Alle klokken gelijk in een City Deal’"),
    ("betaalbare huisvesting europa", "Betaalbare huisvesting voor iedereen in Europa"),
    ("circulaire stad", "Leegstaande fabriek Apeldoorn groeit naar circulaire stad"),
    ("leegstaande fabriek", "Leegstaande fabriek Apeldoorn groeit naar circulaire stad"),
    ("Kwetsbare steden in Apeldoorn", "Kwetsbare steden in Apeldoorn"),
    ("Kleine havencentra in Breda", "Kleine havencentra in Breda"),
    ("wateragenda helmond", "Wateragenda voor Helmond: nieuwe en stedelijke"),
    # Words of the lead, found in no title.
    ("Zwitsalfabriek", "Leegstaande fabriek Apeldoorn groeit naar circulaire stad"),
    ("Chemelot", "‘Van steenkool naar zonneauto’"),
    ("Pact van Amsterdam", "‘Steden worden alleen maar belangrijker’"),
    # Exact names of people.
    ("Nicolaas Beets", "Nicolaas Beets"),
    ("Jantine Kriens", "Jantine Kriens"),
    ("Sadik Harchaoui", "Sadik Harchaoui"),
    ("Martine de Vaan", "Martine de Vaan"),
    ("Jacob Brobbel", "Jacob Brobbel"),
    ("Denis Crompvoets", "Denis Crompvoets"),
    ("Anouk Crapts", "Anouk Crapts"),
    ("Mark van Twist", "Mark van Twist"),
    ("Martin Schulz", "Martin Schulz"),
    ("Beets", "Nicolaas Beets"),
    # Exact names of organisations.
    ("Aedes", "Aedes"),
    ("Society Impact", "Society Impact"),
    ("Energiefabriek Apeldoorn", "Energiefabriek Apeldoorn"),
    ("Rijksvastgoedbedrijf", "Rijksvastgoedbedrijf"),
    ("Vereniging van Nederlandse Gemeenten", "Vereniging van Nederlandse Gemeenten"),
    ("Stad Wenen", "Stad Wenen"),
    ("Europese Investeringsbank", "Europese Investeringsbank"),
    ("G32", "G32-stedennetwerk"),
    ("Gemeente Maastricht", "Gemeente Maastricht"),
    ("Ministerie van Justitie en Veiligheid", "Ministerie van Justitie en Veiligheid"),
    ("Woningcorporatie Groningen", "Woningcorporatie Groningen"),
    # Exact names of partnerships and deals.
    ("City Deal Inclusieve Stad", "City Deal Inclusieve Stad"),
    ("zorg voor veiligheid", "City Deal Zorg voor Veiligheid in de Stad"),
    ("sterke streken", "Town Deal Sterke Streken"),
    ("Partnerschap Betaalbare Huisvesting", "Partnerschap Betaalbare Huisvesting"),
    ("Partnerschap Klimaatadaptatie", "Partnerschap Klimaatadaptatie"),
    ("City Deal Armoede", "City Deal Armoede 2"),
    ("Town Deal Mobiliteit", "Town Deal Mobiliteit 8"),
    # A phrase above the same words scattered.
    ("stad en wonen", "Stichting Stad en Wonen"),
    ("binnenstedelijk bouwen", "City Deal Binnenstedelijk Bouwen en Transformatie"),
    # Equally good matches: the most recent first.
    ("gezonde bouwplannen", "Gezonde bouwplannen in Apeldoorn"),
    ("gezonde bouwplannen geen luxe", ("‘Gezonde bouwplannen zijn geen luxe’", 2024)),
    ("Delft armoederegelingen", "Hoe Delft armoederegelingen werkt"),
]
