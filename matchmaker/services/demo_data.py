"""The words the demo data is built from: invented companies, sectors, needs and people.

Every name and sentence here is made up for the demo. `matchmaker.services.demo` combines
these lists with a fixed random seed, so every installation gets the same demo world.
Startup texts are assembled from a sector's phrases (product, method, proof, offer, seek),
which are written to fit together in any combination within their sector.
"""

from __future__ import annotations

# --- places and people ---------------------------------------------------------------------

# (city, country, weight): most startups sit in North Rhine-Westphalia.
STARTUP_CITIES = (
    ("Düsseldorf", "DE", 30),
    ("Köln", "DE", 14),
    ("Essen", "DE", 7),
    ("Dortmund", "DE", 7),
    ("Aachen", "DE", 8),
    ("Bochum", "DE", 4),
    ("Duisburg", "DE", 4),
    ("Münster", "DE", 4),
    ("Bonn", "DE", 3),
    ("Wuppertal", "DE", 2),
    ("Neuss", "DE", 2),
    ("Krefeld", "DE", 2),
    ("Mönchengladbach", "DE", 2),
    ("Paderborn", "DE", 2),
    ("Bielefeld", "DE", 2),
    ("Berlin", "DE", 8),
    ("München", "DE", 6),
    ("Hamburg", "DE", 4),
    ("Karlsruhe", "DE", 3),
    ("Stuttgart", "DE", 3),
    ("Dresden", "DE", 2),
    ("Amsterdam", "NL", 3),
    ("Eindhoven", "NL", 3),
    ("Rotterdam", "NL", 2),
    ("Leuven", "BE", 2),
    ("Paris", "FR", 2),
    ("Lyon", "FR", 1),
    ("Wien", "AT", 2),
    ("Zürich", "CH", 1),
    ("Kopenhagen", "DK", 1),
    ("Stockholm", "SE", 1),
    ("Helsinki", "FI", 1),
    ("Tallinn", "EE", 1),
    ("Barcelona", "ES", 1),
    ("Milano", "IT", 1),
    ("Warszawa", "PL", 1),
    ("Tokyo", "JP", 3),
    ("Osaka", "JP", 1),
    ("Fukuoka", "JP", 1),
    ("Kyoto", "JP", 1),
)

LEGAL_FORMS = {
    "DE": ("GmbH", "GmbH", "GmbH", "UG (haftungsbeschränkt)", "AG"),
    "NL": ("B.V.",),
    "BE": ("BV",),
    "FR": ("SAS",),
    "AT": ("GmbH",),
    "CH": ("AG",),
    "DK": ("ApS",),
    "SE": ("AB",),
    "FI": ("Oy",),
    "EE": ("OÜ",),
    "ES": ("S.L.",),
    "IT": ("S.r.l.",),
    "PL": ("sp. z o.o.",),
    "JP": ("Inc.", "K.K."),
}

PHONE_PREFIXES = {
    "DE": "+49 211",
    "NL": "+31 20",
    "BE": "+32 16",
    "FR": "+33 1",
    "AT": "+43 1",
    "CH": "+41 44",
    "DK": "+45 33",
    "SE": "+46 8",
    "FI": "+358 9",
    "EE": "+372 6",
    "ES": "+34 93",
    "IT": "+39 02",
    "PL": "+48 22",
    "JP": "+81 3",
}

# Working languages by country (the first is the local one).
COUNTRY_LANGUAGES = {
    "DE": ("de", "en"),
    "AT": ("de", "en"),
    "CH": ("de", "en", "fr"),
    "NL": ("en", "nl"),
    "BE": ("en", "nl", "fr"),
    "FR": ("fr", "en"),
    "DK": ("en",),
    "SE": ("en",),
    "FI": ("en",),
    "EE": ("en",),
    "ES": ("es", "en"),
    "IT": ("it", "en"),
    "PL": ("en",),
    "JP": ("ja", "en"),
}

FIRST_NAMES = {
    "de": (
        "Lena",
        "Jonas",
        "Miriam",
        "Felix",
        "Katharina",
        "Tobias",
        "Aylin",
        "Niklas",
        "Sophie",
        "Lukas",
        "Hannah",
        "Emre",
        "Paula",
        "Moritz",
        "Clara",
        "Jan",
        "Leonie",
        "David",
        "Nora",
        "Simon",
        "Johanna",
        "Benedikt",
        "Selin",
        "Maximilian",
        "Greta",
        "Vincent",
        "Ida",
        "Fabian",
        "Marlene",
        "Deniz",
    ),
    "nl": ("Sanne", "Daan", "Femke", "Bram", "Lotte", "Thijs", "Noor", "Jeroen"),
    "fr": ("Camille", "Julien", "Manon", "Théo", "Chloé", "Antoine", "Inès"),
    "en": ("Anna", "Erik", "Mia", "Oskar", "Elena", "Marco", "Sara", "Piotr", "Laura", "Mikkel"),
    "ja": (
        "Haruka",
        "Kenta",
        "Yui",
        "Sho",
        "Aoi",
        "Daichi",
        "Misaki",
        "Ren",
        "Natsumi",
        "Yuto",
        "Saki",
        "Takumi",
        "Emi",
        "Ryo",
        "Mao",
        "Kazuki",
    ),
}
LAST_NAMES = {
    "de": (
        "Becker",
        "Hoffmann",
        "Schäfer",
        "Krüger",
        "Wagner",
        "Yilmaz",
        "Richter",
        "Klein",
        "Wolf",
        "Neumann",
        "Schwarz",
        "Zimmermann",
        "Braun",
        "Hartmann",
        "Lange",
        "Weber",
        "Koch",
        "Brandt",
        "Vogt",
        "Kaya",
        "Engel",
        "Lorenz",
        "Sommer",
        "Winkler",
        "Haas",
        "Ludwig",
        "Berger",
        "Franke",
        "Arslan",
        "Seidel",
    ),
    "nl": ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Mulder", "van Dijk", "Bos"),
    "fr": ("Martin", "Bernard", "Dubois", "Laurent", "Moreau", "Lefèvre", "Girard"),
    "en": ("Lindqvist", "Nowak", "Rossi", "Virtanen", "Hansen", "Tamm", "García", "Novak"),
    "ja": (
        "Sato",
        "Suzuki",
        "Takahashi",
        "Watanabe",
        "Ito",
        "Nakamura",
        "Kobayashi",
        "Kato",
        "Yoshida",
        "Yamada",
        "Sasaki",
        "Matsumoto",
        "Inoue",
        "Kimura",
        "Shimizu",
        "Mori",
        "Ikeda",
        "Hashimoto",
        "Ishikawa",
        "Ogawa",
    ),
}
NAME_ORIGIN = {"DE": "de", "AT": "de", "CH": "de", "NL": "nl", "BE": "nl", "FR": "fr", "JP": "ja"}

STARTUP_ROLES = (
    "CEO & Co-founder",
    "Co-founder & CTO",
    "Co-founder & COO",
    "Head of Partnerships",
    "Head of Business Development",
    "Managing Director",
)
CORPORATE_ROLES = (
    "Head of Open Innovation",
    "Manager Business Development",
    "Director Strategy & Innovation",
    "Innovation Manager",
    "General Manager",
    "Senior Manager Corporate Planning",
)

# Generic endings of invented brand names (a sector's stems go in front).
NAME_ENDINGS = (
    "nova",
    "loop",
    "tide",
    "mint",
    "path",
    "leaf",
    "spark",
    "forge",
    "lyn",
    "stack",
    "wave",
    "bridge",
    "kit",
    "pulse",
    "sense",
    "line",
    "core",
    "hive",
    "nest",
    "flow",
)
NAME_SECOND_WORDS = ("Systems", "Labs", "Technologies", "Solutions")

FUNDING_BY_STAGE = {
    "idea": ("Bootstrapped", "Grant from the state of NRW"),
    "pre_seed": ("Pre-seed from business angels", "EXIST start-up grant", "Bootstrapped"),
    "seed": ("Seed round of €1.2 m", "Seed round of €2.5 m", "Seed, led by a regional fund"),
    "series_a": ("Series A of €8 m", "Series A of €12 m"),
    "series_b_plus": ("Series B of €30 m", "Series B, led by a strategic investor"),
    "growth": ("Profitable, no external funding", "Growth round of €45 m"),
}

# --- sectors of the startups ------------------------------------------------------------------
#
# Each sector: the taxonomy ids its startups pick from, stems for brand names, and phrases in
# English ("en") and German ("de"). Products carry the technology they are about. A
# description reads "<name> develops <product> for <customer>. <method> <proof> ...".

SECTORS: dict[str, dict] = {
    "batteries": {
        "label": "Batteries & e-mobility",
        "industries": ("automotive", "mobility", "energy"),
        "technologies": (
            "batteries_energy_storage",
            "battery_management",
            "electric_vehicles",
            "ev_charging",
            "power_electronics",
        ),
        "partnerships": ("pilot", "joint_development", "supplier", "investment"),
        "stems": ("Volta", "Ampero", "Cella", "Chargo", "Iona", "Lithio", "Kathra", "Watto"),
        "en": {
            "products": (
                (
                    "cloud analytics that predict the remaining life of battery packs",
                    "battery_management",
                ),
                (
                    "a modular battery management system for light electric vehicles",
                    "battery_management",
                ),
                (
                    "second-life storage units built from retired vehicle batteries",
                    "batteries_energy_storage",
                ),
                (
                    "depot charging software that plans when each electric truck charges",
                    "ev_charging",
                ),
                ("silicon-carbide inverters for electric buses and trucks", "power_electronics"),
                ("swappable battery packs for e-scooters and cargo bikes", "electric_vehicles"),
            ),
            "methods": (
                "Our models learn how each cell ages from charging and temperature data, without "
                "extra hardware.",
                "Hardware and software are designed in-house and tested to automotive standards.",
                "The system connects to existing chargers and fleet software through open "
                "interfaces such as OCPP.",
                "We combine electrochemical models with machine learning trained on millions of "
                "charging cycles.",
            ),
            "customers": (
                "fleet operators",
                "bus and truck makers",
                "logistics companies with electric vans",
                "energy utilities",
                "makers of light electric vehicles",
            ),
            "proofs": (
                "In a pilot with a regional bus operator, pack life grew by an estimated 14 %.",
                "More than 1,200 vehicles run on our system today.",
                "Two automotive suppliers use our software in series development.",
                "A depot pilot with 40 electric vans cut the peak grid load by a third.",
                "Our first 300 units have run for over a year without a field failure.",
            ),
            "offers": (
                "State-of-health reports per vehicle, an API for fleet systems and on-site "
                "support during pilots.",
                "A ready-to-integrate BMS, engineering support and small-series production.",
                "Charging schedules that cut energy costs, plus a dashboard for depot managers.",
                "Pilot installations within eight weeks and licences for our algorithms.",
                "Test data from thousands of cells and a lab for joint validation.",
            ),
            "seeks": (
                "A Japanese automotive supplier for a joint pilot and access to cell "
                "manufacturers.",
                "Partners with electric fleets in Europe to validate our models on more vehicle "
                "types.",
                "A manufacturing partner to scale from hundreds to thousands of units a year.",
                "Strategic investors from the automotive or energy sector.",
                "Distribution partners for the Japanese market.",
            ),
            "team": "battery engineers, data scientists and former fleet managers",
        },
        "de": {
            "products": (
                (
                    "Cloud-Analysen, die die Restlebensdauer von Batteriepacks vorhersagen",
                    "battery_management",
                ),
                (
                    "ein modulares Batteriemanagementsystem für leichte Elektrofahrzeuge",
                    "battery_management",
                ),
                ("Ladesoftware für Betriebshöfe, die plant, wann jeder E-Lkw lädt", "ev_charging"),
            ),
            "methods": (
                "Unsere Modelle lernen aus Lade- und Temperaturdaten, wie jede Zelle altert – "
                "ganz ohne zusätzliche Hardware.",
                "Hardware und Software entwickeln wir selbst und prüfen sie nach den Standards "
                "der Automobilindustrie.",
            ),
            "customers": (
                "Flottenbetreiber",
                "Bus- und Lkw-Hersteller",
                "Logistikunternehmen mit Elektrotransportern",
            ),
            "proofs": (
                "In einem Pilotprojekt mit einem regionalen Busbetreiber stieg die Lebensdauer "
                "der Packs um geschätzt 14 %.",
                "Heute fahren mehr als 1.200 Fahrzeuge mit unserem System.",
            ),
            "offers": (
                "Zustandsberichte pro Fahrzeug, eine Schnittstelle für Flottensysteme und "
                "Begleitung von Pilotprojekten vor Ort.",
                "Ein integrationsfertiges BMS, Entwicklungsunterstützung und Kleinserienfertigung.",
            ),
            "seeks": (
                "Einen japanischen Automobilzulieferer für ein gemeinsames Pilotprojekt und "
                "Zugang zu Zellherstellern.",
                "Partner mit Elektroflotten in Europa, um unsere Modelle an weiteren "
                "Fahrzeugtypen zu erproben.",
            ),
            "team": "Batterieingenieure, Data Scientists und ehemalige Flottenmanager",
        },
    },
    "maintenance": {
        "label": "Predictive maintenance & industrial IoT",
        "industries": (
            "manufacturing",
            "machinery_plant_engineering",
            "industrial_automation_robotics",
        ),
        "technologies": (
            "predictive_maintenance",
            "iot",
            "edge_computing",
            "digital_twins",
            "ai_machine_learning",
        ),
        "partnerships": ("pilot", "joint_development", "distribution", "licensing"),
        "stems": ("Sensi", "Vibra", "Machi", "Upti", "Torqa", "Geara", "Roto", "Planta"),
        "en": {
            "products": (
                (
                    "vibration sensors that warn weeks before a bearing fails",
                    "predictive_maintenance",
                ),
                ("an edge box that turns old machines into connected ones", "edge_computing"),
                ("digital twins of production lines for planning maintenance", "digital_twins"),
                (
                    "acoustic monitoring that hears leaks and wear in compressed-air systems",
                    "predictive_maintenance",
                ),
                ("an IoT platform that collects data from machines of any brand", "iot"),
                ("AI that finds the root cause of quality drops on a line", "ai_machine_learning"),
            ),
            "methods": (
                "The retrofit takes under an hour per machine and needs no change to the PLC.",
                "Our models are trained on more than 40,000 machine-years of sensor data.",
                "All data stays on the shop floor; only alerts leave the plant if the customer "
                "wishes.",
                "Maintenance teams get plain-language alerts on their phones, not raw charts.",
            ),
            "customers": (
                "automotive suppliers",
                "steel and metal plants",
                "machine builders",
                "food and packaging plants",
                "chemical sites",
            ),
            "proofs": (
                "At a press plant near Dortmund, unplanned downtime fell by 31 % in six months.",
                "Over 2,500 machines in eleven countries are monitored with our system.",
                "A pilot at a paper mill paid for itself within four months.",
                "Two machine builders ship our sensors with their new machines.",
                "We detected 19 of 20 bearing failures in a blind test with a university lab.",
            ),
            "offers": (
                "A four-week pilot on one line with our engineers on site.",
                "Retrofit kits, a monitoring service and open interfaces to maintenance software.",
                "White-label licences for machine builders.",
                "Joint development of failure models for new machine types.",
                "Training for maintenance teams and a fixed-price first installation.",
            ),
            "seeks": (
                "Machine builders who want to offer predictive maintenance to their customers.",
                "Plants in Europe or Japan willing to run a paid pilot.",
                "A Japanese industrial partner to bring our system to plants in Asia.",
                "Access to failure data of large rotating machines.",
                "Distribution partners for sensors and edge hardware.",
            ),
            "team": "maintenance engineers, signal-processing experts and software developers",
        },
        "de": {
            "products": (
                (
                    "Schwingungssensoren, die Wochen vor einem Lagerschaden warnen",
                    "predictive_maintenance",
                ),
                ("eine Edge-Box, die ältere Maschinen vernetzt", "edge_computing"),
                (
                    "digitale Zwillinge von Fertigungslinien für die Instandhaltungsplanung",
                    "digital_twins",
                ),
            ),
            "methods": (
                "Die Nachrüstung dauert weniger als eine Stunde pro Maschine, die Steuerung "
                "bleibt unverändert.",
                "Alle Daten bleiben in der Halle; nur Warnungen verlassen auf Wunsch das Werk.",
            ),
            "customers": ("Automobilzulieferer", "Stahl- und Metallwerke", "Maschinenbauer"),
            "proofs": (
                "In einem Presswerk bei Dortmund sanken die ungeplanten Stillstände in sechs "
                "Monaten um 31 %.",
                "Über 2.500 Maschinen in elf Ländern werden mit unserem System überwacht.",
            ),
            "offers": (
                "Ein vierwöchiges Pilotprojekt an einer Linie mit unseren Ingenieuren vor Ort.",
                "Nachrüstsätze, einen Überwachungsdienst und offene Schnittstellen zur "
                "Instandhaltungssoftware.",
            ),
            "seeks": (
                "Maschinenbauer, die ihren Kunden vorausschauende Wartung anbieten möchten.",
                "Werke in Europa oder Japan, die ein bezahltes Pilotprojekt durchführen.",
            ),
            "team": "Instandhaltungsingenieure, Experten für Signalverarbeitung und "
            "Softwareentwickler",
        },
    },
    "logistics": {
        "label": "Logistics & warehouse automation",
        "industries": ("logistics_supply_chain", "retail_ecommerce", "trading_wholesale"),
        "technologies": (
            "warehouse_automation",
            "robotics",
            "supply_chain_software",
            "last_mile_delivery",
            "computer_vision",
        ),
        "partnerships": ("pilot", "distribution", "supplier", "joint_development"),
        "stems": ("Palla", "Cargo", "Shelvi", "Frachto", "Picka", "Docka", "Routa", "Hubo"),
        "en": {
            "products": (
                (
                    "autonomous mobile robots that move pallets between picking zones",
                    "warehouse_automation",
                ),
                (
                    "a camera system that counts and checks goods at the loading dock",
                    "computer_vision",
                ),
                (
                    "route planning software for mixed fleets of vans and cargo bikes",
                    "last_mile_delivery",
                ),
                (
                    "a supply-chain control tower that predicts late shipments",
                    "supply_chain_software",
                ),
                ("a picking robot arm that handles thousands of different items", "robotics"),
                (
                    "software that plans container loading to use every cubic metre",
                    "supply_chain_software",
                ),
            ),
            "methods": (
                "The robots work alongside people and need no changes to the building.",
                "Our forecasts combine carrier data, weather and port congestion in real time.",
                "Setup takes days, not months: the system learns the warehouse layout by itself.",
                "Everything runs as a cloud service with a simple monthly fee per site.",
            ),
            "customers": (
                "contract logistics providers",
                "e-commerce warehouses",
                "wholesalers",
                "parcel carriers",
                "manufacturers with their own distribution centres",
            ),
            "proofs": (
                "A fashion retailer's warehouse near Venlo now picks 38 % more orders per shift.",
                "Our robots have driven more than 900,000 km in live warehouses.",
                "Late deliveries at a pilot customer dropped from 9 % to 3 %.",
                "Twelve distribution centres in Germany and the Netherlands use the system.",
                "Loading plans made by our software fill trucks 11 % better on average.",
            ),
            "offers": (
                "Robots as a service, including maintenance and a fleet dashboard.",
                "A pilot in one warehouse zone within six weeks.",
                "Integrations with common warehouse management systems.",
                "Forecasts and alerts through an API or a web cockpit.",
                "Joint development of grippers for new item types.",
            ),
            "seeks": (
                "Logistics sites of Japanese companies in Europe for pilots.",
                "A hardware partner to manufacture robots at scale.",
                "Distribution partners in Japan and South-East Asia.",
                "Shippers with large volumes between Europe and Asia to test our forecasts.",
                "Strategic investors from logistics or trading.",
            ),
            "team": "robotics engineers, logisticians and software developers",
        },
        "de": {
            "products": (
                (
                    "autonome mobile Roboter, die Paletten zwischen Kommissionierzonen bewegen",
                    "warehouse_automation",
                ),
                ("ein Kamerasystem, das Waren an der Laderampe zählt und prüft", "computer_vision"),
                (
                    "Tourenplanung für gemischte Flotten aus Transportern und Lastenrädern",
                    "last_mile_delivery",
                ),
            ),
            "methods": (
                "Die Roboter arbeiten neben Menschen und brauchen keine Umbauten im Gebäude.",
                "Die Einrichtung dauert Tage statt Monate, denn das System lernt das Lager "
                "selbst kennen.",
            ),
            "customers": ("Kontraktlogistiker", "Onlinehändler mit eigenem Lager", "Großhändler"),
            "proofs": (
                "Das Lager eines Modehändlers bei Venlo kommissioniert jetzt 38 % mehr "
                "Aufträge pro Schicht.",
                "Zwölf Verteilzentren in Deutschland und den Niederlanden nutzen das System.",
            ),
            "offers": (
                "Roboter als Dienstleistung, inklusive Wartung und Flotten-Dashboard.",
                "Ein Pilotprojekt in einer Lagerzone innerhalb von sechs Wochen.",
            ),
            "seeks": (
                "Logistikstandorte japanischer Unternehmen in Europa für Pilotprojekte.",
                "Einen Hardwarepartner für die Serienfertigung unserer Roboter.",
            ),
            "team": "Robotikingenieure, Logistiker und Softwareentwickler",
        },
    },
    "medtech": {
        "label": "Medtech & diagnostics",
        "industries": ("healthcare", "medical_devices", "diagnostics"),
        "technologies": (
            "medtech_digital_health",
            "wearables",
            "telemedicine",
            "ai_machine_learning",
            "computer_vision",
        ),
        "partnerships": ("pilot", "joint_development", "licensing", "distribution", "investment"),
        "stems": ("Medi", "Cardi", "Vita", "Pulso", "Diagno", "Clini", "Sana", "Corda"),
        "en": {
            "products": (
                ("a wearable patch that tracks heart rhythm for two weeks", "wearables"),
                (
                    "AI software that flags suspicious areas in retinal images",
                    "ai_machine_learning",
                ),
                (
                    "a rapid test reader that turns a smartphone into a lab device",
                    "medtech_digital_health",
                ),
                ("a remote monitoring service for patients after heart surgery", "telemedicine"),
                ("image analysis that speeds up the reading of tissue samples", "computer_vision"),
                ("a smart inhaler that reminds and records each dose", "medtech_digital_health"),
            ),
            "methods": (
                "The product is CE-marked under the MDR and built with clinicians from "
                "university hospitals.",
                "Data is processed in Germany and meets hospital data-protection rules.",
                "Our algorithms were validated on more than 60,000 anonymised cases.",
                "Patients need nothing but their phone; doctors see results in their usual "
                "software.",
            ),
            "customers": (
                "hospitals",
                "cardiologists",
                "ophthalmology practices",
                "pathology labs",
                "health insurers",
            ),
            "proofs": (
                "A study at two university hospitals showed the same accuracy as specialists.",
                "Readmissions fell by 22 % in a monitoring programme with 400 patients.",
                "More than 90 practices in Germany and Austria use the product.",
                "Our test reader cut time to result from hours to under 15 minutes.",
                "We hold two patents and a CE certificate for the core device.",
            ),
            "offers": (
                "Licences for our algorithms and support with regulatory documents.",
                "A clinical pilot with our study team.",
                "White-label devices for medical technology companies.",
                "Real-world data partnerships under strict data protection.",
                "Integration into existing hospital and practice software.",
            ),
            "seeks": (
                "A Japanese medical technology company for approval and distribution in Japan.",
                "Manufacturing partners for high-quality sensors.",
                "Investors with healthcare experience for our next round.",
                "Hospitals and clinics in Europe for further studies.",
                "A partner for device design and series production.",
            ),
            "team": "physicians, biomedical engineers and regulatory experts",
        },
        "de": {
            "products": (
                (
                    "ein tragbares Pflaster, das den Herzrhythmus zwei Wochen lang aufzeichnet",
                    "wearables",
                ),
                (
                    "eine KI-Software, die auffällige Stellen in Netzhautbildern markiert",
                    "ai_machine_learning",
                ),
                (
                    "eine Fernüberwachung für Patientinnen und Patienten nach Herzoperationen",
                    "telemedicine",
                ),
            ),
            "methods": (
                "Das Produkt ist nach MDR CE-zertifiziert und mit Ärzten aus "
                "Universitätskliniken entwickelt.",
                "Die Daten werden in Deutschland verarbeitet und erfüllen die "
                "Datenschutzregeln der Kliniken.",
            ),
            "customers": ("Krankenhäuser", "Kardiologiepraxen", "Augenarztpraxen"),
            "proofs": (
                "Eine Studie an zwei Universitätskliniken zeigte dieselbe Genauigkeit wie "
                "Fachärzte.",
                "Mehr als 90 Praxen in Deutschland und Österreich nutzen das Produkt.",
            ),
            "offers": (
                "Lizenzen für unsere Algorithmen und Unterstützung bei regulatorischen Unterlagen.",
                "Eine klinische Pilotstudie mit unserem Studienteam.",
            ),
            "seeks": (
                "Ein japanisches Medizintechnikunternehmen für Zulassung und Vertrieb in Japan.",
                "Fertigungspartner für hochwertige Sensoren.",
            ),
            "team": "Ärzte, Medizintechniker und Regulatory-Fachleute",
        },
    },
    "food": {
        "label": "Food & agritech",
        "industries": ("food_agriculture", "retail_ecommerce", "climate_cleantech"),
        "technologies": ("agritech", "foodtech", "iot", "computer_vision", "data_analytics"),
        "partnerships": (
            "pilot",
            "joint_development",
            "distribution",
            "supplier",
            "market_entry_japan",
        ),
        "stems": ("Harva", "Graino", "Sprouti", "Feldo", "Ferma", "Cropa", "Orcha", "Umami"),
        "en": {
            "products": (
                ("plant-based protein made from field beans grown in the Rhineland", "foodtech"),
                ("vertical farms that grow herbs and leafy greens next to the city", "agritech"),
                (
                    "a camera system that sorts fruit by ripeness on the packing line",
                    "computer_vision",
                ),
                ("soil sensors that tell farmers exactly when to water", "iot"),
                ("precision fermentation of dairy proteins without cows", "foodtech"),
                ("software that predicts demand for fresh food to cut waste", "data_analytics"),
            ),
            "methods": (
                "Our process uses 80 % less water than conventional production.",
                "Everything is grown or produced within 50 km of our customers.",
                "The system learns from each harvest and gets better every season.",
                "We work with food scientists to match the taste and texture of the original.",
            ),
            "customers": (
                "supermarket chains",
                "food manufacturers",
                "farmers' cooperatives",
                "restaurant groups",
                "fruit and vegetable packers",
            ),
            "proofs": (
                "Our products are listed in more than 700 supermarkets in Germany.",
                "A retail pilot cut the waste of fresh produce by 27 %.",
                "Our farm in Neuss supplies 40 restaurants every day.",
                "Sorting errors at a pilot packer fell below one per cent.",
                "Farmers using our sensors saved a quarter of their irrigation water last summer.",
            ),
            "offers": (
                "Private-label products and joint recipe development.",
                "A pilot on one packing line or one farm at no upfront cost.",
                "Our ingredients for food manufacturers, delivered in industrial quantities.",
                "Demand forecasts through an API that plugs into ordering systems.",
                "Know-how for building farms close to customers.",
            ),
            "seeks": (
                "A Japanese food company to bring our products to Japan.",
                "Co-manufacturing capacity to scale production.",
                "Retail and food-service partners in Europe.",
                "Partners for joint development of new ingredients.",
                "Investors who understand food and agriculture.",
            ),
            "team": "food scientists, agronomists and engineers",
        },
        "de": {
            "products": (
                ("pflanzliches Protein aus Ackerbohnen vom Niederrhein", "foodtech"),
                (
                    "vertikale Farmen, die Kräuter und Blattgemüse direkt in der Stadt anbauen",
                    "agritech",
                ),
                ("Bodensensoren, die Landwirten genau sagen, wann sie bewässern sollten", "iot"),
            ),
            "methods": (
                "Unser Verfahren braucht 80 % weniger Wasser als die herkömmliche Produktion.",
                "Alles wird im Umkreis von 50 km um unsere Kunden angebaut und hergestellt.",
            ),
            "customers": (
                "Supermarktketten",
                "Lebensmittelhersteller",
                "landwirtschaftliche Genossenschaften",
            ),
            "proofs": (
                "Unsere Produkte sind in mehr als 700 Supermärkten in Deutschland gelistet.",
                "Unsere Farm in Neuss beliefert jeden Tag 40 Restaurants.",
            ),
            "offers": (
                "Handelsmarken und gemeinsame Rezepturentwicklung.",
                "Ein Pilotprojekt auf einem Betrieb ohne Vorabkosten.",
            ),
            "seeks": (
                "Ein japanisches Lebensmittelunternehmen, das unsere Produkte nach Japan bringt.",
                "Lohnfertigungskapazitäten, um die Produktion zu skalieren.",
            ),
            "team": "Lebensmitteltechnologen, Agrarwissenschaftler und Ingenieure",
        },
    },
    "materials": {
        "label": "Materials & recycling",
        "industries": ("materials", "chemicals", "climate_cleantech", "steel_metals"),
        "technologies": (
            "recycling_circular_economy",
            "advanced_materials",
            "additive_manufacturing",
            "esg_carbon_accounting",
        ),
        "partnerships": ("pilot", "joint_development", "supplier", "licensing"),
        "stems": ("Circa", "Polymo", "Fibra", "Regena", "Metallo", "Resino", "Cyclo", "Granu"),
        "en": {
            "products": (
                (
                    "a process that recycles mixed plastic waste into food-grade granulate",
                    "recycling_circular_economy",
                ),
                (
                    "recovery of rare metals from old electronics and magnets",
                    "recycling_circular_economy",
                ),
                (
                    "natural-fibre composites that replace glass fibre in car interiors",
                    "advanced_materials",
                ),
                (
                    "metal powders for 3D printing made from production scrap",
                    "additive_manufacturing",
                ),
                (
                    "a digital product passport that tracks materials through the value chain",
                    "esg_carbon_accounting",
                ),
                (
                    "a bio-based coating that makes paper packaging water-resistant",
                    "advanced_materials",
                ),
            ),
            "methods": (
                "Our process runs at low temperature and needs no harmful solvents.",
                "Every batch comes with a full record of origin and carbon footprint.",
                "The material runs on existing machines without retooling.",
                "We operate a demonstration plant that processes 500 tonnes a year.",
            ),
            "customers": (
                "packaging makers",
                "automotive suppliers",
                "electronics recyclers",
                "consumer goods brands",
                "metalworking companies",
            ),
            "proofs": (
                "Our recycled granulate passed the food-contact tests of two large brands.",
                "Parts made with our fibres are 30 % lighter than the glass-fibre originals.",
                "We recover over 95 % of the neodymium contained in old magnets.",
                "Three suppliers already print series parts from our powders.",
                "Our passport is used for more than 8,000 products in a retail pilot.",
            ),
            "offers": (
                "Samples and joint material trials in our pilot plant.",
                "Licences for our process to recyclers and producers.",
                "Secondary raw materials with documented quality.",
                "Carbon-footprint data that fits new EU reporting rules.",
                "Engineering support to switch existing parts to our material.",
            ),
            "seeks": (
                "Industrial partners with large waste streams to secure feedstock.",
                "A Japanese chemical or trading company for distribution in Asia.",
                "Co-investment in our first commercial plant.",
                "Brands that want to use recycled material in their products.",
                "Partners to jointly develop new material grades.",
            ),
            "team": "chemists, process engineers and materials scientists",
        },
        "de": {
            "products": (
                (
                    "ein Verfahren, das gemischten Kunststoffabfall zu lebensmitteltauglichem "
                    "Granulat recycelt",
                    "recycling_circular_economy",
                ),
                (
                    "die Rückgewinnung seltener Metalle aus Altelektronik und Magneten",
                    "recycling_circular_economy",
                ),
                (
                    "Naturfaserverbunde, die Glasfaser im Fahrzeuginnenraum ersetzen",
                    "advanced_materials",
                ),
            ),
            "methods": (
                "Unser Verfahren arbeitet bei niedriger Temperatur und ohne schädliche "
                "Lösungsmittel.",
                "Jede Charge kommt mit vollständigem Herkunfts- und CO2-Nachweis.",
            ),
            "customers": (
                "Verpackungshersteller",
                "Automobilzulieferer",
                "Markenhersteller von Konsumgütern",
            ),
            "proofs": (
                "Unser Rezyklat hat die Lebensmittelkontakt-Prüfungen zweier großer Marken "
                "bestanden.",
                "Bauteile mit unseren Fasern sind 30 % leichter als die Glasfaser-Originale.",
            ),
            "offers": (
                "Muster und gemeinsame Materialversuche in unserer Pilotanlage.",
                "Lizenzen für unser Verfahren an Recycler und Hersteller.",
            ),
            "seeks": (
                "Industriepartner mit großen Abfallströmen, um Rohstoffe zu sichern.",
                "Ein japanisches Chemie- oder Handelsunternehmen für den Vertrieb in Asien.",
            ),
            "team": "Chemiker, Verfahrenstechniker und Werkstoffwissenschaftler",
        },
    },
    "hydrogen": {
        "label": "Hydrogen & energy",
        "industries": ("energy", "utilities_water", "climate_cleantech"),
        "technologies": (
            "hydrogen_fuel_cells",
            "solar",
            "wind_energy",
            "smart_grid",
            "energy_management",
            "heat_pumps_hvac",
            "carbon_capture",
        ),
        "partnerships": ("pilot", "joint_development", "supplier", "investment"),
        "stems": ("Hydro", "Electra", "Grido", "Solari", "Thermo", "Fluxa", "Kineta", "Helio"),
        "en": {
            "products": (
                (
                    "compact electrolysers that make green hydrogen on industrial sites",
                    "hydrogen_fuel_cells",
                ),
                (
                    "fuel-cell power units for construction machines and generators",
                    "hydrogen_fuel_cells",
                ),
                (
                    "an energy management system that shifts factory loads to cheap hours",
                    "energy_management",
                ),
                ("industrial heat pumps that deliver process heat up to 150 °C", "heat_pumps_hvac"),
                ("software that forecasts solar and wind output for grid operators", "smart_grid"),
                ("a capture unit that takes CO2 from kiln and boiler exhaust", "carbon_capture"),
            ),
            "methods": (
                "Our stack design uses far less platinum-group metal than today's systems.",
                "The system is delivered in a standard container and runs within a week.",
                "Forecasts combine weather models with live data from thousands of plants.",
                "We guarantee savings in the contract and share the risk with our customers.",
            ),
            "customers": (
                "industrial companies with high energy costs",
                "municipal utilities",
                "grid operators",
                "construction companies",
                "chemical parks",
            ),
            "proofs": (
                "A pilot at a foundry in the Ruhr area cut its energy bill by 18 %.",
                "Our first electrolyser has run 6,000 hours without a stack change.",
                "Nine municipal utilities use our forecasts every day.",
                "A dairy replaced its gas boiler with our heat pump and halved its emissions.",
                "Our units power generators on four construction sites in Germany.",
            ),
            "offers": (
                "Turnkey installations and operation as a service.",
                "A feasibility study for your site within four weeks.",
                "Joint development of stacks and system components.",
                "Load-shifting software with a savings guarantee.",
                "Test capacity in our hydrogen lab in the Ruhr area.",
            ),
            "seeks": (
                "Japanese partners for fuel-cell components and joint development.",
                "Industrial sites for the first commercial installations.",
                "A strategic investor from the energy sector.",
                "Suppliers of membranes and power electronics.",
                "Partners to enter the Japanese hydrogen market.",
            ),
            "team": "energy engineers, electrochemists and software developers",
        },
        "de": {
            "products": (
                (
                    "kompakte Elektrolyseure, die grünen Wasserstoff direkt am Industriestandort "
                    "erzeugen",
                    "hydrogen_fuel_cells",
                ),
                (
                    "ein Energiemanagementsystem, das Lasten in der Fabrik in günstige Stunden "
                    "verschiebt",
                    "energy_management",
                ),
                ("Industriewärmepumpen für Prozesswärme bis 150 °C", "heat_pumps_hvac"),
            ),
            "methods": (
                "Die Anlage kommt im Standardcontainer und läuft innerhalb einer Woche.",
                "Wir garantieren die Einsparungen im Vertrag und teilen das Risiko mit unseren "
                "Kunden.",
            ),
            "customers": (
                "Industrieunternehmen mit hohen Energiekosten",
                "Stadtwerke",
                "Chemieparks",
            ),
            "proofs": (
                "Eine Gießerei im Ruhrgebiet senkte ihre Energiekosten im Pilotprojekt um 18 %.",
                "Eine Molkerei ersetzte ihren Gaskessel durch unsere Wärmepumpe und halbierte "
                "ihre Emissionen.",
            ),
            "offers": (
                "Schlüsselfertige Anlagen und Betrieb als Dienstleistung.",
                "Eine Machbarkeitsstudie für Ihren Standort innerhalb von vier Wochen.",
            ),
            "seeks": (
                "Japanische Partner für Brennstoffzellenkomponenten und gemeinsame Entwicklung.",
                "Industriestandorte für die ersten kommerziellen Anlagen.",
            ),
            "team": "Energietechniker, Elektrochemiker und Softwareentwickler",
        },
    },
    "semis": {
        "label": "Semiconductors & sensors",
        "industries": (
            "semiconductors",
            "consumer_electronics",
            "automotive",
            "industrial_automation_robotics",
        ),
        "technologies": (
            "semiconductor_chips",
            "sensors_lidar_radar",
            "quantum",
            "power_electronics",
            "edge_computing",
        ),
        "partnerships": ("joint_development", "licensing", "supplier", "investment"),
        "stems": ("Photo", "Quanta", "Sili", "Wafera", "Lumi", "Radaro", "Optiko", "Nano"),
        "en": {
            "products": (
                ("a low-cost solid-state lidar for robots and vehicles", "sensors_lidar_radar"),
                (
                    "an AI accelerator chip that runs vision models on a few milliwatts",
                    "semiconductor_chips",
                ),
                ("gallium-nitride power chips for compact chargers", "power_electronics"),
                ("radar sensors that detect people through walls and smoke", "sensors_lidar_radar"),
                ("quantum sensors that measure magnetic fields with extreme precision", "quantum"),
                ("gas sensors on a chip for air-quality monitoring", "sensors_lidar_radar"),
            ),
            "methods": (
                "The design is fabless; we work with established foundries in Europe and Asia.",
                "Our chips are built in standard CMOS processes, which keeps costs low.",
                "The sensor fuses radar and camera data on the device itself.",
                "We spun out of a research institute and hold the core patents.",
            ),
            "customers": (
                "robot makers",
                "automotive suppliers",
                "makers of consumer electronics",
                "building automation companies",
                "industrial equipment makers",
            ),
            "proofs": (
                "Engineering samples are being tested by three tier-one suppliers.",
                "Our chip uses a tenth of the power of comparable solutions.",
                "We shipped the first 10,000 sensors to a building-technology customer.",
                "Our lidar costs less than a fifth of today's mechanical units.",
                "A European research consortium selected our sensor for its reference design.",
            ),
            "offers": (
                "Evaluation kits and joint development of application-specific versions.",
                "IP licences for our sensor design.",
                "Sensor modules in volumes from thousands to millions.",
                "Design support for integration into your products.",
                "Access to our test lab and reference software.",
            ),
            "seeks": (
                "A Japanese electronics company for joint development and volume production.",
                "Access to packaging and testing capacity in Asia.",
                "Strategic investors from the semiconductor industry.",
                "Lead customers in automotive and robotics.",
                "Distribution partners for sensor modules in Japan.",
            ),
            "team": "chip designers, physicists and embedded-software engineers",
        },
        "de": {
            "products": (
                (
                    "ein kostengünstiges Solid-State-Lidar für Roboter und Fahrzeuge",
                    "sensors_lidar_radar",
                ),
                (
                    "Radarsensoren, die Personen durch Wände und Rauch erkennen",
                    "sensors_lidar_radar",
                ),
                (
                    "Gassensoren auf einem Chip für die Überwachung der Luftqualität",
                    "sensors_lidar_radar",
                ),
            ),
            "methods": (
                "Unsere Chips entstehen in Standard-CMOS-Prozessen, das hält die Kosten niedrig.",
                "Wir sind eine Ausgründung eines Forschungsinstituts und halten die Kernpatente.",
            ),
            "customers": (
                "Roboterhersteller",
                "Automobilzulieferer",
                "Unternehmen der Gebäudeautomation",
            ),
            "proofs": (
                "Drei große Zulieferer testen derzeit unsere Muster.",
                "Die ersten 10.000 Sensoren haben wir an einen Kunden aus der Gebäudetechnik "
                "geliefert.",
            ),
            "offers": (
                "Evaluierungskits und gemeinsame Entwicklung anwendungsspezifischer Varianten.",
                "IP-Lizenzen für unser Sensordesign.",
            ),
            "seeks": (
                "Ein japanisches Elektronikunternehmen für gemeinsame Entwicklung und "
                "Serienfertigung.",
                "Strategische Investoren aus der Halbleiterindustrie.",
            ),
            "team": "Chipdesigner, Physiker und Embedded-Softwareentwickler",
        },
    },
    "fintech": {
        "label": "Fintech & insurtech",
        "industries": ("financial_services", "insurance", "it_software"),
        "technologies": (
            "fintech_payments",
            "insurtech",
            "identity_fraud_prevention",
            "blockchain",
            "cloud_saas",
        ),
        "partnerships": ("pilot", "distribution", "licensing", "investment"),
        "stems": ("Ledga", "Payo", "Clara", "Assura", "Coina", "Trusto", "Fisca", "Polica"),
        "en": {
            "products": (
                (
                    "a payment platform that settles cross-border B2B invoices in minutes",
                    "fintech_payments",
                ),
                (
                    "parametric insurance for weather risks in agriculture and logistics",
                    "insurtech",
                ),
                (
                    "fraud detection for online shops that learns from every transaction",
                    "identity_fraud_prevention",
                ),
                ("automated claims handling for property insurers", "insurtech"),
                ("trade-finance software that digitises letters of credit", "blockchain"),
                ("treasury software for mid-sized exporters", "cloud_saas"),
            ),
            "methods": (
                "We are licensed by BaFin and work with partner banks across the EU.",
                "Claims are paid automatically when an agreed data trigger is met.",
                "Our models explain every decision, which auditors appreciate.",
                "The software connects to SAP and other ERP systems out of the box.",
            ),
            "customers": (
                "insurers",
                "exporters and importers",
                "online retailers",
                "banks",
                "mid-sized manufacturers",
            ),
            "proofs": (
                "Payments worth more than €1.5 bn have gone through our platform.",
                "Claims handling time at a pilot insurer fell from 12 days to 2.",
                "Fraud losses at our customers dropped by 41 % on average.",
                "Forty exporters in NRW manage their currency risk with our software.",
                "Two insurers sell our products under their own brand.",
            ),
            "offers": (
                "White-label products for insurers and banks.",
                "An API for payments in 30 currencies.",
                "A fraud-scoring service with transparent pricing per check.",
                "Pilots with real transactions in a protected environment.",
                "Integration support for ERP and core banking systems.",
            ),
            "seeks": (
                "A Japanese bank or insurer as a distribution partner.",
                "Corporates with high volumes of trade between Europe and Japan.",
                "Investors from financial services.",
                "Pilot customers among mid-sized exporters.",
                "Partners to obtain licences in Japan.",
            ),
            "team": "bankers, actuaries and software engineers",
        },
        "de": {
            "products": (
                (
                    "eine Zahlungsplattform, die grenzüberschreitende B2B-Rechnungen in Minuten "
                    "begleicht",
                    "fintech_payments",
                ),
                ("automatisierte Schadenbearbeitung für Sachversicherer", "insurtech"),
                ("Treasury-Software für mittelständische Exporteure", "cloud_saas"),
            ),
            "methods": (
                "Wir sind von der BaFin lizenziert und arbeiten mit Partnerbanken in der "
                "ganzen EU.",
                "Die Software lässt sich ohne Umwege an SAP und andere ERP-Systeme anbinden.",
            ),
            "customers": ("Versicherer", "Exporteure und Importeure", "Mittelständler"),
            "proofs": (
                "Über unsere Plattform liefen bereits Zahlungen von mehr als 1,5 Mrd. €.",
                "Vierzig Exporteure in NRW steuern ihr Währungsrisiko mit unserer Software.",
            ),
            "offers": (
                "White-Label-Produkte für Versicherer und Banken.",
                "Pilotprojekte mit echten Transaktionen in einer geschützten Umgebung.",
            ),
            "seeks": (
                "Eine japanische Bank oder Versicherung als Vertriebspartner.",
                "Unternehmen mit hohem Handelsvolumen zwischen Europa und Japan.",
            ),
            "team": "Bankkaufleute, Aktuare und Softwareentwickler",
        },
    },
    "construction": {
        "label": "Construction & building tech",
        "industries": ("construction_real_estate", "energy", "materials"),
        "technologies": (
            "building_tech",
            "digital_twins",
            "iot",
            "heat_pumps_hvac",
            "smart_city",
            "drones",
        ),
        "partnerships": ("pilot", "joint_development", "distribution", "supplier"),
        "stems": ("Betona", "Structa", "Builda", "Bricko", "Fassa", "Timbra", "Archi", "Roofa"),
        "en": {
            "products": (
                ("sensors that watch concrete curing and tell crews when to strip formwork", "iot"),
                (
                    "a digital twin of buildings that finds energy waste room by room",
                    "digital_twins",
                ),
                ("modular timber elements for fast multi-storey construction", "building_tech"),
                ("drone surveys that turn a construction site into a 3D model each week", "drones"),
                ("software that plans heat-pump retrofits for apartment blocks", "heat_pumps_hvac"),
                ("low-carbon cement made with industrial by-products", "building_tech"),
            ),
            "methods": (
                "Our tools fit into the BIM workflow that planners already use.",
                "Installation takes one day and needs no cabling.",
                "Each element is prefabricated in our factory and assembled on site in hours.",
                "We measure before and after, so savings are proven, not promised.",
            ),
            "customers": (
                "construction companies",
                "housing associations",
                "property managers",
                "architects and planners",
                "facility managers",
            ),
            "proofs": (
                "On a site in Köln, the shell was finished nine days earlier than planned.",
                "Heating energy in a pilot office building fell by 24 % in one winter.",
                "More than 60 construction sites in Germany use our system.",
                "Our cement cuts CO2 by 45 % compared with standard Portland cement.",
                "A housing association with 8,000 flats plans its retrofits with our tool.",
            ),
            "offers": (
                "Sensor kits and a site dashboard, rented per project.",
                "Energy audits and retrofit plans with guaranteed results.",
                "Building elements delivered just in time.",
                "Weekly 3D models and progress reports.",
                "Pilots on one building or one site.",
            ),
            "seeks": (
                "Japanese construction and building-material companies for joint projects.",
                "Manufacturing partners to scale prefabrication.",
                "Property owners with large portfolios for pilots.",
                "Distribution partners for building technology in Europe.",
                "Investors with a focus on climate and real estate.",
            ),
            "team": "civil engineers, architects and software developers",
        },
        "de": {
            "products": (
                (
                    "Sensoren, die das Aushärten von Beton überwachen und den richtigen Zeitpunkt "
                    "zum Ausschalen melden",
                    "iot",
                ),
                ("modulare Holzbauelemente für schnellen mehrgeschossigen Bau", "building_tech"),
                (
                    "Software, die Wärmepumpen-Sanierungen für Mehrfamilienhäuser plant",
                    "heat_pumps_hvac",
                ),
            ),
            "methods": (
                "Unsere Werkzeuge passen in den BIM-Prozess, den Planer ohnehin nutzen.",
                "Wir messen vorher und nachher: Einsparungen werden belegt, nicht versprochen.",
            ),
            "customers": ("Bauunternehmen", "Wohnungsbaugesellschaften", "Hausverwaltungen"),
            "proofs": (
                "Auf einer Baustelle in Köln war der Rohbau neun Tage früher fertig als geplant.",
                "Eine Wohnungsbaugesellschaft mit 8.000 Wohnungen plant ihre Sanierungen mit "
                "unserem Werkzeug.",
            ),
            "offers": (
                "Sensorsets und ein Baustellen-Dashboard, projektweise gemietet.",
                "Energieaudits und Sanierungspläne mit garantierten Ergebnissen.",
            ),
            "seeks": (
                "Japanische Bau- und Baustoffunternehmen für gemeinsame Projekte.",
                "Bestandshalter mit großen Portfolios für Pilotprojekte.",
            ),
            "team": "Bauingenieure, Architekten und Softwareentwickler",
        },
    },
    "cyber": {
        "label": "Cybersecurity",
        "industries": ("security", "it_software", "manufacturing"),
        "technologies": (
            "cybersecurity",
            "identity_fraud_prevention",
            "cloud_saas",
            "ai_machine_learning",
            "iot",
        ),
        "partnerships": ("pilot", "distribution", "licensing", "investment"),
        "stems": ("Shieldo", "Ciphra", "Guarda", "Fortra", "Sentina", "Keyo", "Vaulta", "Bastio"),
        "en": {
            "products": (
                (
                    "network monitoring that detects attacks on factory control systems",
                    "cybersecurity",
                ),
                ("passwordless login for employees and suppliers", "identity_fraud_prevention"),
                (
                    "a security platform that checks connected products for vulnerabilities",
                    "cybersecurity",
                ),
                ("automated phishing training that adapts to each employee", "cybersecurity"),
                (
                    "software that prepares companies for NIS2 and the Cyber Resilience Act",
                    "cloud_saas",
                ),
                ("AI that triages security alerts for small security teams", "ai_machine_learning"),
            ),
            "methods": (
                "The sensor listens passively and never interferes with production.",
                "Everything is hosted in Germany and certified to ISO 27001.",
                "Setup takes a day; our analysts support customers around the clock.",
                "We translate findings into clear tasks for IT and management.",
            ),
            "customers": (
                "manufacturers",
                "hospitals and utilities",
                "mid-sized companies",
                "makers of connected devices",
                "IT service providers",
            ),
            "proofs": (
                "We protect more than 300 production sites in Europe.",
                "Phishing click rates at our customers fell from 19 % to 4 % within a year.",
                "Our platform found critical flaws in 7 of 10 devices tested in a pilot.",
                "Alert handling time at a pilot customer dropped by 60 %.",
                "Two regional IT providers resell our product to their clients.",
            ),
            "offers": (
                "A free risk assessment of one production site.",
                "Managed detection and response as a service.",
                "Licences for integration into your own products.",
                "Compliance reports ready for auditors.",
                "Training and awareness programmes in German, English and Japanese.",
            ),
            "seeks": (
                "Japanese manufacturers with plants in Europe as pilot customers.",
                "Resellers and system integrators in Japan.",
                "Device makers who want to build security into their products.",
                "Strategic investors from industry or IT.",
                "Partners for joint research on industrial security.",
            ),
            "team": "security researchers, penetration testers and software engineers",
        },
        "de": {
            "products": (
                (
                    "Netzwerküberwachung, die Angriffe auf Steuerungssysteme in Fabriken erkennt",
                    "cybersecurity",
                ),
                (
                    "Software, die Unternehmen auf NIS2 und den Cyber Resilience Act vorbereitet",
                    "cloud_saas",
                ),
                (
                    "passwortlose Anmeldung für Beschäftigte und Lieferanten",
                    "identity_fraud_prevention",
                ),
            ),
            "methods": (
                "Alles wird in Deutschland gehostet und ist nach ISO 27001 zertifiziert.",
                "Der Sensor hört nur passiv mit und greift nie in die Produktion ein.",
            ),
            "customers": ("Industrieunternehmen", "Mittelständler", "IT-Dienstleister"),
            "proofs": (
                "Wir schützen mehr als 300 Produktionsstandorte in Europa.",
                "Zwei regionale IT-Dienstleister vertreiben unser Produkt an ihre Kunden.",
            ),
            "offers": (
                "Eine kostenlose Risikoanalyse eines Produktionsstandorts.",
                "Prüfungsfertige Compliance-Berichte.",
            ),
            "seeks": (
                "Japanische Hersteller mit Werken in Europa als Pilotkunden.",
                "Wiederverkäufer und Systemintegratoren in Japan.",
            ),
            "team": "Sicherheitsforscher, Penetrationstester und Softwareentwickler",
        },
    },
    "retail": {
        "label": "Retail & e-commerce",
        "industries": (
            "retail_ecommerce",
            "trading_wholesale",
            "consumer_electronics",
            "cosmetics_beauty",
        ),
        "technologies": (
            "ecommerce_platforms",
            "marketing_tech",
            "computer_vision",
            "ai_machine_learning",
            "data_analytics",
        ),
        "partnerships": ("pilot", "distribution", "market_entry_europe", "market_entry_japan"),
        "stems": ("Shopa", "Basko", "Carta", "Retaio", "Brando", "Aislo", "Stora", "Mercha"),
        "en": {
            "products": (
                ("shelf cameras that spot empty shelves and wrong prices", "computer_vision"),
                (
                    "a marketplace connector that brings brands onto twenty European platforms",
                    "ecommerce_platforms",
                ),
                ("virtual try-on for cosmetics in online shops", "ar_vr"),
                ("pricing software that adjusts thousands of prices every day", "data_analytics"),
                ("a retail media platform for shops' own websites", "marketing_tech"),
                (
                    "product-description AI that writes listings in twelve languages",
                    "ai_machine_learning",
                ),
            ),
            "methods": (
                "Brands go live within two weeks without their own IT team.",
                "Our models learn from each store's sales and adapt to local demand.",
                "The service is paid per sale, so risk stays with us.",
                "We handle customs, returns and customer service in local languages.",
            ),
            "customers": (
                "consumer brands",
                "supermarket chains",
                "cosmetics retailers",
                "electronics retailers",
                "brands entering Europe",
            ),
            "proofs": (
                "Brands on our platform grew online sales in Europe by 2.4 times in a year.",
                "Out-of-stock situations in pilot stores fell by 35 %.",
                "Our try-on raised conversion in a pilot shop by 18 %.",
                "More than 150 brands from six countries sell through us.",
                "A drugstore chain uses our pricing engine in all 400 stores.",
            ),
            "offers": (
                "Market entry in Europe as a full service: listing, logistics and marketing.",
                "A pilot in a few stores or one online shop.",
                "Data on consumer demand per country and category.",
                "Licences for our try-on and pricing software.",
                "Content production and translation for product listings.",
            ),
            "seeks": (
                "Japanese consumer brands that want to sell in Europe.",
                "Retailers in Japan as pilot partners.",
                "A trading company as distribution partner.",
                "Investors with retail experience.",
                "Partners in logistics for cross-border e-commerce.",
            ),
            "team": "e-commerce managers, data scientists and designers",
        },
        "de": {
            "products": (
                ("Regalkameras, die leere Regale und falsche Preise erkennen", "computer_vision"),
                (
                    "eine Marktplatzanbindung, die Marken auf zwanzig europäische Plattformen "
                    "bringt",
                    "ecommerce_platforms",
                ),
                ("Preissoftware, die täglich tausende Preise anpasst", "data_analytics"),
            ),
            "methods": (
                "Marken gehen innerhalb von zwei Wochen online, ganz ohne eigene IT.",
                "Wir übernehmen Zoll, Retouren und Kundenservice in den Landessprachen.",
            ),
            "customers": ("Konsumgütermarken", "Supermarktketten", "Drogerieketten"),
            "proofs": (
                "Marken auf unserer Plattform haben ihren Onlineumsatz in Europa in einem Jahr "
                "mehr als verdoppelt.",
                "Mehr als 150 Marken aus sechs Ländern verkaufen über uns.",
            ),
            "offers": (
                "Markteintritt in Europa aus einer Hand: Listung, Logistik und Marketing.",
                "Ein Pilotprojekt in einigen Filialen oder einem Onlineshop.",
            ),
            "seeks": (
                "Japanische Konsumgütermarken, die in Europa verkaufen möchten.",
                "Ein Handelshaus als Vertriebspartner.",
            ),
            "team": "E-Commerce-Manager, Data Scientists und Designer",
        },
    },
    "hr": {
        "label": "HR & edtech",
        "industries": ("hr_work", "education", "professional_services"),
        "technologies": ("hr_tech", "edtech", "ar_vr", "nlp_llm", "cloud_saas"),
        "partnerships": ("pilot", "distribution", "licensing", "market_entry_europe"),
        "stems": ("Skilla", "Learno", "Talena", "Mento", "Boarda", "Crewo", "Campo", "Tutora"),
        "en": {
            "products": (
                ("VR training for machine operators and maintenance staff", "ar_vr"),
                ("a language-learning app for business Japanese and German", "edtech"),
                (
                    "a hiring platform that matches skilled workers with industrial employers",
                    "hr_tech",
                ),
                (
                    "onboarding software that guides new employees through their first months",
                    "hr_tech",
                ),
                ("an AI tutor that answers questions about company processes", "nlp_llm"),
                ("micro-learning for shift workers on their phones", "edtech"),
            ),
            "methods": (
                "Courses are built with the customer's own experts in a few days.",
                "Learners practise in realistic scenarios without stopping production.",
                "The platform speaks German, English and Japanese.",
                "Every course ends with a skills check that managers can see.",
            ),
            "customers": (
                "manufacturers",
                "logistics companies",
                "international teams",
                "vocational schools",
                "HR departments of mid-sized firms",
            ),
            "proofs": (
                "Training time for new operators at a pilot plant fell by 40 %.",
                "More than 25,000 learners use our app every month.",
                "Employers fill skilled positions 30 % faster through our platform.",
                "Staff turnover in the first year dropped by a third at our customers.",
                "Three vocational schools in NRW teach with our VR modules.",
            ),
            "offers": (
                "Ready-made courses and a studio to build your own.",
                "A pilot with one team or one site.",
                "Intercultural training for German–Japanese teams.",
                "Licences for our learning platform.",
                "Access to a pool of skilled workers in Europe.",
            ),
            "seeks": (
                "Japanese companies with European sites that train many new employees.",
                "Distribution partners in Japan.",
                "Content partners for technical training.",
                "Investors in the future of work.",
                "Pilot customers in manufacturing and logistics.",
            ),
            "team": "educators, game designers and HR experts",
        },
        "de": {
            "products": (
                ("VR-Schulungen für Maschinenbediener und Instandhalter", "ar_vr"),
                ("eine Plattform, die Fachkräfte mit Industriebetrieben zusammenbringt", "hr_tech"),
                (
                    "Onboarding-Software, die neue Beschäftigte durch die ersten Monate führt",
                    "hr_tech",
                ),
            ),
            "methods": (
                "Die Lernenden üben in realistischen Szenarien, ohne dass die Produktion "
                "stillsteht.",
                "Die Plattform spricht Deutsch, Englisch und Japanisch.",
            ),
            "customers": ("Industriebetriebe", "Logistikunternehmen", "Berufsschulen"),
            "proofs": (
                "In einem Pilotwerk sank die Einarbeitungszeit neuer Bediener um 40 %.",
                "Drei Berufsschulen in NRW unterrichten mit unseren VR-Modulen.",
            ),
            "offers": (
                "Fertige Kurse und ein Studio für eigene Inhalte.",
                "Interkulturelle Trainings für deutsch-japanische Teams.",
            ),
            "seeks": (
                "Japanische Unternehmen mit europäischen Standorten, die viele neue "
                "Beschäftigte einarbeiten.",
                "Pilotkunden in Industrie und Logistik.",
            ),
            "team": "Pädagogen, Game Designer und HR-Fachleute",
        },
    },
    "drones": {
        "label": "Drones & space",
        "industries": (
            "aerospace_defence",
            "logistics_supply_chain",
            "utilities_water",
            "telecommunications",
        ),
        "technologies": (
            "drones",
            "satellite_space",
            "computer_vision",
            "sensors_lidar_radar",
            "telecom_5g",
        ),
        "partnerships": ("pilot", "joint_development", "supplier", "investment"),
        "stems": ("Aero", "Orbita", "Skyla", "Astra", "Falco", "Hovera", "Strato", "Kito"),
        "en": {
            "products": (
                ("inspection drones that fly inside tanks, boilers and chimneys", "drones"),
                (
                    "satellite data that shows ground movement along railways and pipelines",
                    "satellite_space",
                ),
                ("autonomous drone docks for daily site surveys", "drones"),
                (
                    "small satellites for Earth observation with a two-week lead time",
                    "satellite_space",
                ),
                (
                    "AI that finds damage on wind turbines and power lines in drone images",
                    "computer_vision",
                ),
                ("private 5G networks for ports and large industrial sites", "telecom_5g"),
            ),
            "methods": (
                "Flights are planned and run without a pilot on site, within EU drone rules.",
                "Our algorithms compare each survey with earlier ones and flag changes.",
                "Data arrives in the customer's asset-management system, not in yet another "
                "portal.",
                "We build the platform ourselves and integrate sensors from partners.",
            ),
            "customers": (
                "energy utilities",
                "railway and pipeline operators",
                "chemical parks",
                "port operators",
                "insurers",
            ),
            "proofs": (
                "Inspections of a boiler at a power plant now take hours instead of days.",
                "We monitor more than 4,000 km of railway lines from space.",
                "Our docks have flown over 15,000 autonomous missions.",
                "A utility found 30 % more defects on its lines than with manual checks.",
                "Our first satellite has been in orbit since last spring.",
            ),
            "offers": (
                "Inspection as a service across Europe.",
                "Pilot surveys of one site or one line.",
                "Satellite data products through an API.",
                "Joint development of payloads and sensors.",
                "Training and certification for in-house drone teams.",
            ),
            "seeks": (
                "Japanese partners for sensors, optics and components.",
                "Industrial operators for pilots in Europe and Japan.",
                "Launch and ground-station partners.",
                "Investors from aerospace or infrastructure.",
                "Distribution partners in Asia.",
            ),
            "team": "aerospace engineers, pilots and data scientists",
        },
        "de": {
            "products": (
                ("Inspektionsdrohnen, die in Tanks, Kesseln und Schornsteinen fliegen", "drones"),
                (
                    "Satellitendaten, die Bodenbewegungen entlang von Bahnstrecken und Pipelines "
                    "zeigen",
                    "satellite_space",
                ),
                ("autonome Drohnenstationen für tägliche Vermessungen", "drones"),
            ),
            "methods": (
                "Die Flüge laufen ohne Pilot vor Ort und im Rahmen der EU-Drohnenregeln.",
                "Die Daten landen direkt im System des Kunden statt in einem weiteren Portal.",
            ),
            "customers": ("Energieversorger", "Bahn- und Pipelinebetreiber", "Chemieparks"),
            "proofs": (
                "Die Inspektion eines Kraftwerkskessels dauert jetzt Stunden statt Tage.",
                "Wir überwachen mehr als 4.000 km Bahnstrecke aus dem All.",
            ),
            "offers": (
                "Inspektion als Dienstleistung in ganz Europa.",
                "Pilotvermessungen eines Standorts oder einer Strecke.",
            ),
            "seeks": (
                "Japanische Partner für Sensoren, Optik und Komponenten.",
                "Industriebetreiber für Pilotprojekte in Europa und Japan.",
            ),
            "team": "Luft- und Raumfahrtingenieure, Piloten und Data Scientists",
        },
    },
    "chemicals": {
        "label": "Chemicals & lab automation",
        "industries": ("chemicals", "pharma_biotech", "life_sciences"),
        "technologies": (
            "lab_automation",
            "synthetic_biology",
            "drug_discovery_genomics",
            "ai_machine_learning",
            "advanced_materials",
        ),
        "partnerships": ("pilot", "joint_development", "licensing", "supplier", "investment"),
        "stems": ("Catala", "Enzy", "Moleco", "Pipetta", "Reago", "Syntha", "Assayo", "Biofa"),
        "en": {
            "products": (
                ("robots that run chemistry experiments around the clock", "lab_automation"),
                (
                    "enzymes that replace harsh chemicals in industrial cleaning",
                    "synthetic_biology",
                ),
                (
                    "AI that suggests the next experiment in formulation development",
                    "ai_machine_learning",
                ),
                ("a lab-data platform that connects instruments of every brand", "lab_automation"),
                ("microbes that produce specialty chemicals from sugar", "synthetic_biology"),
                (
                    "screening of drug candidates with organ-on-chip models",
                    "drug_discovery_genomics",
                ),
            ),
            "methods": (
                "Our platform plans, runs and documents experiments without manual steps.",
                "We design our strains in the computer and test hundreds of them each week.",
                "Data from every instrument ends up in one searchable place.",
                "Our models work with small data sets, as labs really have them.",
            ),
            "customers": (
                "chemical companies",
                "pharma research labs",
                "coatings and adhesives makers",
                "contract research organisations",
                "cosmetics makers",
            ),
            "proofs": (
                "A coatings maker found a new formulation in six weeks instead of nine months.",
                "Our enzymes cut cleaning temperatures from 80 °C to 40 °C.",
                "Labs using our platform run four times as many experiments per week.",
                "Two pharma companies use our chips in preclinical studies.",
                "Our first product is made at 10,000-litre scale with a partner.",
            ),
            "offers": (
                "Joint development projects in our automated lab.",
                "Licences for strains and processes.",
                "Lab automation as a service, from planning to operation.",
                "Samples for application tests.",
                "Data integration for existing lab instruments.",
            ),
            "seeks": (
                "A Japanese chemical company for joint development and scale-up.",
                "Fermentation capacity at industrial scale.",
                "Pharma partners for validation studies.",
                "Strategic investors from chemicals or life sciences.",
                "Distribution of our reagents in Japan.",
            ),
            "team": "chemists, biologists and automation engineers",
        },
        "de": {
            "products": (
                (
                    "Roboter, die rund um die Uhr chemische Experimente durchführen",
                    "lab_automation",
                ),
                (
                    "Enzyme, die aggressive Chemikalien in der Industriereinigung ersetzen",
                    "synthetic_biology",
                ),
                (
                    "eine Labordatenplattform, die Geräte aller Hersteller verbindet",
                    "lab_automation",
                ),
            ),
            "methods": (
                "Unsere Plattform plant, führt und dokumentiert Versuche ohne manuelle Schritte.",
                "Unsere Modelle kommen mit kleinen Datensätzen aus, wie sie in Laboren üblich "
                "sind.",
            ),
            "customers": (
                "Chemieunternehmen",
                "Lack- und Klebstoffhersteller",
                "Auftragsforschungsinstitute",
            ),
            "proofs": (
                "Ein Lackhersteller fand eine neue Rezeptur in sechs Wochen statt in neun Monaten.",
                "Unsere Enzyme senken die Reinigungstemperatur von 80 °C auf 40 °C.",
            ),
            "offers": (
                "Gemeinsame Entwicklungsprojekte in unserem automatisierten Labor.",
                "Lizenzen für Stämme und Verfahren.",
            ),
            "seeks": (
                "Ein japanisches Chemieunternehmen für gemeinsame Entwicklung und Scale-up.",
                "Fermentationskapazität im industriellen Maßstab.",
            ),
            "team": "Chemiker, Biologen und Automatisierungsingenieure",
        },
    },
}

# Japanese startups, written out in full.
JAPANESE_STARTUPS = (
    {
        "name": "Kumonosu Robotics Inc.",
        "sector": "logistics",
        "city": "Tokyo",
        "description": "倉庫内でパレットと棚を自律的に運ぶ小型ロボットを開発しています。"
        "既存の建屋を改修せずに導入でき、人と同じ通路で安全に作業します。"
        "国内の物流センター14か所で稼働しています。",
        "offers": "3か月間のPoC、ロボットのレンタル、倉庫管理システムとの連携支援。",
        "seeks": "欧州の物流拠点でのPoCパートナーと、欧州での販売代理店を探しています。",
        "technologies": ("warehouse_automation", "robotics"),
    },
    {
        "name": "Shizuku Aqua Tech Inc.",
        "sector": "hydrogen",
        "city": "Osaka",
        "description": "工場排水から熱を回収し、ヒートポンプで工程用の温水を作るシステムを"
        "提供しています。食品工場と化学工場で、ガス使用量を平均35%削減しました。",
        "offers": "省エネ診断、設備の設計と施工、導入後の運用データ分析。",
        "seeks": "ドイツの食品・化学メーカーとの実証プロジェクトと、現地の施工パートナー。",
        "technologies": ("heat_pumps_hvac", "energy_management"),
    },
    {
        "name": "Mebuki Agri K.K.",
        "sector": "food",
        "city": "Fukuoka",
        "description": "画像解析でイチゴやトマトの熟度を判定し、収穫時期を予測するサービスを"
        "開発しています。温室の生産者約200軒が利用しています。",
        "offers": "熟度判定カメラ、収穫予測アプリ、生産者向けの導入支援。",
        "seeks": "欧州の施設園芸の生産者や流通企業との実証と、欧州市場への参入支援。",
        "technologies": ("agritech", "computer_vision"),
    },
    {
        "name": "Hikari Sensing Inc.",
        "sector": "semis",
        "city": "Kyoto",
        "description": "大学発の技術をもとに、極小の分光センサーチップを開発しています。"
        "食品の糖度や樹脂の種類をその場で判別でき、リサイクル工場での選別に使われています。",
        "offers": "評価用モジュール、用途に合わせた共同開発、センサーのライセンス。",
        "seeks": "欧州のリサイクル事業者や機械メーカーとの共同開発、量産パートナー。",
        "technologies": ("sensors_lidar_radar", "semiconductor_chips"),
    },
    {
        "name": "Tsumugi Learning Inc.",
        "sector": "hr",
        "city": "Tokyo",
        "description": "海外拠点で働く社員向けに、日本語と現地語で学べる技能研修アプリを"
        "提供しています。製造業を中心に30社以上が導入しています。",
        "offers": "多言語の研修コンテンツ、研修作成ツール、導入企業向けのサポート。",
        "seeks": "欧州に工場を持つ企業でのパイロット導入と、ドイツ語圏の販売パートナー。",
        "technologies": ("edtech", "hr_tech"),
    },
    {
        "name": "Kasumi Bio K.K.",
        "sector": "chemicals",
        "city": "Tokyo",
        "description": "微生物の発酵で化粧品や食品向けの機能性素材を作るバイオベンチャーです。"
        "石油由来の原料を置き換え、製造時のCO2排出を大幅に減らします。",
        "offers": "サンプル提供、用途開発の共同研究、素材のライセンス供与。",
        "seeks": "欧州の化粧品・化学メーカーとの共同開発と、現地での製造パートナー。",
        "technologies": ("synthetic_biology", "advanced_materials"),
    },
)

# The original demo startup (DEMO_ACCOUNTS), given a full profile.
VOLTCELL_PROFILE = {
    "sector": "batteries",
    "website": "https://voltcell-robotics.example",
    "city": "Düsseldorf",
    "country": "DE",
    "description": "VoltCell Robotics builds battery management systems and modular battery "
    "packs for electric delivery vehicles and autonomous industrial robots. Our BMS estimates "
    "the health of every cell from charging data and extends pack life without extra "
    "hardware. Pilots run with two logistics fleets in the Rhineland.",
    "offers": "A ready-to-integrate battery management system, pack design for small series, "
    "state-of-health analytics and on-site support for pilots in fleets and plants.",
    "seeks": "A Japanese automotive or robotics supplier for a joint pilot, access to cell "
    "manufacturers, and a partner for volume production.",
    "founded_year": 2021,
    "team_size": 14,
    "stage": "seed",
    "funding_status": "Seed round of €2.5 m",
    "industries": ("automotive", "industrial_automation_robotics", "energy"),
    "technologies": ("battery_management", "batteries_energy_storage", "robotics"),
    "partnership_types": ("pilot", "joint_development", "supplier"),
    "languages": ("de", "en"),
    "contact_name": "Lena Founder",
    "contact_role": "CEO & Co-founder",
    "contact_phone": "+49 211 5550 1401",
}

# --- corporates ---------------------------------------------------------------------------

# Business areas of the Japanese groups: what they do in each language, what they offer
# startups, the sectors their needs come from and the startup stages they usually work with
# (see `demo._target_stages` for how a company's own profile shifts them).
BUSINESSES: dict[str, dict] = {
    "precision": {
        "word": "Precision",
        "ja_word": "精密",
        "industries": ("machinery_plant_engineering", "manufacturing"),
        "technologies": ("predictive_maintenance", "robotics", "sensors_lidar_radar"),
        "sectors": ("maintenance", "semis", "hr"),
        "stages": ("seed", "series_a", "series_b_plus"),
        "en": "makes bearings, linear guides and precision components for machine tools and robots",
        "de": "fertigt Wälzlager, Linearführungen und Präzisionskomponenten für "
        "Werkzeugmaschinen und Roboter",
        "ja": "工作機械やロボット向けの軸受、リニアガイド、精密部品",
    },
    "electric": {
        "word": "Electric",
        "ja_word": "電機",
        "industries": ("energy", "industrial_automation_robotics", "consumer_electronics"),
        "technologies": ("power_electronics", "energy_management", "batteries_energy_storage"),
        "sectors": ("batteries", "hydrogen", "semis"),
        "stages": ("seed", "series_a", "series_b_plus"),
        "en": "builds motors, inverters and power systems for industry and infrastructure",
        "de": "baut Motoren, Wechselrichter und Energiesysteme für Industrie und Infrastruktur",
        "ja": "産業・インフラ向けのモーター、インバーター、電源システム",
    },
    "chemical": {
        "word": "Chemical",
        "ja_word": "化学",
        "industries": ("chemicals", "materials"),
        "technologies": ("advanced_materials", "recycling_circular_economy", "lab_automation"),
        "sectors": ("chemicals", "materials", "batteries"),
        # Materials are co-developed from the lab bench on.
        "stages": ("pre_seed", "seed", "series_a"),
        "en": "produces specialty polymers, adhesives and battery materials",
        "de": "produziert Spezialpolymere, Klebstoffe und Batteriematerialien",
        "ja": "機能性樹脂、接着剤、電池材料",
    },
    "logistics": {
        "word": "Logistics",
        "ja_word": "ロジスティクス",
        "industries": ("logistics_supply_chain", "maritime_shipping"),
        "technologies": ("warehouse_automation", "supply_chain_software", "last_mile_delivery"),
        "sectors": ("logistics", "drones", "hydrogen"),
        # A pilot runs in live operations: the product must already work at scale.
        "stages": ("series_a", "series_b_plus", "growth"),
        "en": "runs contract logistics, air and sea freight between Europe and Asia",
        "de": "betreibt Kontraktlogistik sowie Luft- und Seefracht zwischen Europa und Asien",
        "ja": "欧州とアジアを結ぶ航空・海上輸送と倉庫物流",
    },
    "foods": {
        "word": "Foods",
        "ja_word": "食品",
        "industries": ("food_agriculture", "retail_ecommerce"),
        "technologies": ("foodtech", "agritech", "data_analytics"),
        "sectors": ("food", "retail", "materials"),
        "stages": ("seed", "series_a", "series_b_plus"),
        "en": "makes seasonings, instant noodles and frozen foods for European retailers",
        "de": "stellt Würzmittel, Instantnudeln und Tiefkühlkost für den europäischen Handel her",
        "ja": "欧州の小売向けの調味料、即席麺、冷凍食品",
    },
    "medical": {
        "word": "Medical",
        "ja_word": "メディカル",
        "industries": ("medical_devices", "healthcare", "diagnostics"),
        "technologies": ("medtech_digital_health", "wearables", "ai_machine_learning"),
        "sectors": ("medtech", "chemicals", "cyber"),
        # Medical devices need certified (CE-marked) products.
        "stages": ("series_a", "series_b_plus", "growth"),
        "en": "develops endoscopes, patient monitors and diagnostic devices",
        "de": "entwickelt Endoskope, Patientenmonitore und Diagnosegeräte",
        "ja": "内視鏡、生体情報モニター、診断機器",
    },
    "motors": {
        "word": "Auto Parts",
        "ja_word": "自動車部品",
        "industries": ("automotive", "mobility"),
        "technologies": ("electric_vehicles", "sensors_lidar_radar", "autonomous_driving"),
        "sectors": ("batteries", "maintenance", "semis"),
        # Car makers' supplier qualification takes years and a sound balance sheet.
        "stages": ("series_a", "series_b_plus", "growth"),
        "en": "supplies brake systems, thermal management modules and sensors to European car "
        "makers",
        "de": "liefert Bremssysteme, Thermomanagement-Module und Sensoren an europäische "
        "Autohersteller",
        "ja": "欧州の自動車メーカー向けのブレーキシステム、熱マネジメント部品、センサー",
    },
    "trading": {
        "word": "Trading",
        "ja_word": "商事",
        "industries": ("trading_wholesale", "retail_ecommerce", "energy"),
        "technologies": ("ecommerce_platforms", "supply_chain_software", "fintech_payments"),
        "sectors": ("retail", "fintech", "hydrogen"),
        # A trading house distributes and invests in businesses with traction.
        "stages": ("series_b_plus", "growth"),
        "en": "trades machinery, chemicals and consumer goods and invests in new businesses",
        "de": "handelt mit Maschinen, Chemikalien und Konsumgütern und investiert in neue "
        "Geschäfte",
        "ja": "機械、化学品、消費財の貿易と新規事業への投資",
    },
    "insurance": {
        "word": "Insurance",
        "ja_word": "損害保険",
        "industries": ("insurance", "financial_services"),
        "technologies": ("insurtech", "identity_fraud_prevention", "data_analytics"),
        "sectors": ("fintech", "cyber", "drones"),
        "stages": ("series_a", "series_b_plus", "growth"),
        "en": "insures Japanese companies' plants, fleets and cargo in Europe",
        "de": "versichert Werke, Flotten und Fracht japanischer Unternehmen in Europa",
        "ja": "欧州に進出した日系企業の工場、車両、貨物の保険",
    },
    "construction": {
        "word": "Construction",
        "ja_word": "建設",
        "industries": ("construction_real_estate", "energy"),
        "technologies": ("building_tech", "digital_twins", "heat_pumps_hvac"),
        "sectors": ("construction", "hydrogen", "drones"),
        "stages": ("seed", "series_a", "series_b_plus"),
        "en": "plans and builds factories, logistics centres and energy-efficient offices",
        "de": "plant und baut Fabriken, Logistikzentren und energieeffiziente Bürogebäude",
        "ja": "工場、物流センター、省エネオフィスの設計と施工",
    },
    "steel": {
        "word": "Steel",
        "ja_word": "製鋼",
        "industries": ("steel_metals", "materials"),
        "technologies": ("advanced_materials", "hydrogen_fuel_cells", "carbon_capture"),
        "sectors": ("materials", "hydrogen", "maintenance"),
        "stages": ("seed", "series_a", "series_b_plus"),
        "en": "processes special steel and sells it to automotive and machine builders",
        "de": "verarbeitet Edelstahl und liefert an Automobil- und Maschinenbauer",
        "ja": "自動車・機械メーカー向けの特殊鋼の加工と販売",
    },
    "electronics": {
        "word": "Electronics",
        "ja_word": "電子",
        "industries": ("consumer_electronics", "semiconductors", "telecommunications"),
        "technologies": ("semiconductor_chips", "sensors_lidar_radar", "iot"),
        "sectors": ("semis", "cyber", "retail"),
        # Chips and sensors are licensed or co-developed while still in the lab.
        "stages": ("pre_seed", "seed", "series_a"),
        "en": "designs image sensors, displays and components for consumer electronics",
        "de": "entwickelt Bildsensoren, Displays und Komponenten für Unterhaltungselektronik",
        "ja": "民生機器向けのイメージセンサー、ディスプレイ、電子部品",
    },
    "systems": {
        "word": "Systems",
        "ja_word": "システムズ",
        "industries": ("it_software", "professional_services"),
        "technologies": ("cloud_saas", "cybersecurity", "nlp_llm"),
        "sectors": ("cyber", "hr", "fintech"),
        "stages": ("seed", "series_a", "series_b_plus"),
        "en": "provides IT services and business software to Japanese companies in Europe",
        "de": "bietet IT-Dienstleistungen und Unternehmenssoftware für japanische Firmen in Europa",
        "ja": "欧州の日系企業向けのITサービスと業務ソフトウェア",
    },
    "pharma": {
        "word": "Pharma",
        "ja_word": "製薬",
        "industries": ("pharma_biotech", "healthcare", "life_sciences"),
        "technologies": ("drug_discovery_genomics", "lab_automation", "synthetic_biology"),
        "sectors": ("chemicals", "medtech", "food"),
        # Drug discovery licenses early science.
        "stages": ("pre_seed", "seed", "series_a"),
        "en": "develops and markets prescription drugs and over-the-counter medicines",
        "de": "entwickelt und vertreibt verschreibungspflichtige und rezeptfreie Arzneimittel",
        "ja": "医療用医薬品と一般用医薬品の開発・販売",
    },
}

# What Japanese corporates offer startups, by text language.
CORPORATE_OFFERS = {
    "en": (
        "Access to our plants and customers for pilots, co-development with our R&D centre in "
        "Japan and distribution through our European sales network.",
        "Pilot sites in Europe, engineering support and, for the right fit, a route into our "
        "group's procurement in Japan.",
        "Test environments, industry know-how and introductions to our parent company's "
        "business units.",
    ),
    "de": (
        "Zugang zu unseren Werken und Kunden für Pilotprojekte, gemeinsame Entwicklung mit "
        "unserem Forschungszentrum in Japan und Vertrieb über unser europäisches Netz.",
        "Pilotstandorte in Europa, technische Unterstützung und, wenn es passt, den Weg in den "
        "Einkauf unserer Gruppe in Japan.",
    ),
    "ja": (
        "当社工場や顧客でのPoCの機会、日本の研究開発拠点との共同開発、欧州販売網を通じた販売。",
        "欧州での実証の場、技術面での支援、そして日本本社の事業部門へのご紹介。",
    ),
}
# The offers that bring in the group's R&D centre (the first of each language): a company
# that co-develops also takes on startups a stage earlier than its business usually does.
RESEARCH_OFFERS = frozenset(offers[0] for offers in CORPORATE_OFFERS.values())
CORPORATE_SEEKS = {
    "en": "Startups with proven technology who want a pilot with a large industrial partner "
    "and a path to the Japanese market.",
    "de": "Startups mit erprobter Technologie, die ein Pilotprojekt mit einem großen "
    "Industriepartner und einen Weg auf den japanischen Markt suchen.",
    "ja": "実績ある技術を持ち、大手企業とのPoCや日本市場への展開を目指すスタートアップ。",
}

# Invented family names for the Japanese groups.
CORPORATE_FAMILIES = (
    "Hoshikawa",
    "Tsukimura",
    "Aokawa",
    "Kiriyama",
    "Shirasagi",
    "Takanami",
    "Isezaki",
    "Hanazono",
    "Asagiri",
    "Mizutori",
    "Sakuragawa",
    "Yumeno",
    "Kazehaya",
    "Hinode",
    "Amagase",
    "Kurobane",
    "Oboro",
    "Shiokaze",
    "Nishikaze",
    "Minase",
    "Yasuragi",
    "Kagaribi",
    "Seiran",
    "Haruno",
    "Ibuki",
    "Tsubame",
    "Matsukaze",
    "Shinonome",
    "Yamabuki",
    "Ayase",
    "Tsukushi",
    "Hotaru",
    "Urara",
    "Kawasemi",
    "Sazanami",
    "Momiji",
    "Kiyosato",
    "Nagisa",
    "Kohaku",
    "Sumire",
)
# Katakana readings, for the Japanese-language profiles.
CORPORATE_FAMILIES_JA = {
    "Hoshikawa": "星川",
    "Tsukimura": "月村",
    "Aokawa": "青川",
    "Kiriyama": "霧山",
    "Shirasagi": "白鷺",
    "Takanami": "高波",
    "Isezaki": "伊勢崎",
    "Hanazono": "花園",
    "Asagiri": "朝霧",
    "Mizutori": "水鳥",
    "Sakuragawa": "桜川",
    "Yumeno": "夢野",
    "Kazehaya": "風早",
    "Hinode": "日の出",
    "Amagase": "天ヶ瀬",
    "Kurobane": "黒羽",
    "Oboro": "朧",
    "Shiokaze": "潮風",
    "Nishikaze": "西風",
    "Minase": "水無瀬",
    "Yasuragi": "安らぎ",
    "Kagaribi": "篝火",
    "Seiran": "青嵐",
    "Haruno": "春野",
    "Ibuki": "伊吹",
    "Tsubame": "燕",
    "Matsukaze": "松風",
    "Shinonome": "東雲",
    "Yamabuki": "山吹",
    "Ayase": "綾瀬",
    "Tsukushi": "筑紫",
    "Hotaru": "蛍",
    "Urara": "麗",
    "Kawasemi": "翡翠",
    "Sazanami": "漣",
    "Momiji": "紅葉",
    "Kiyosato": "清里",
    "Nagisa": "渚",
    "Kohaku": "琥珀",
    "Sumire": "菫",
}
# (city, country, weight) of the European subsidiaries.
CORPORATE_CITIES = (
    ("Düsseldorf", "DE", 20),
    ("Neuss", "DE", 3),
    ("Ratingen", "DE", 3),
    ("Krefeld", "DE", 2),
    ("Köln", "DE", 2),
    ("Essen", "DE", 1),
    ("Frankfurt am Main", "DE", 2),
    ("Amsterdam", "NL", 2),
    ("Brussels", "BE", 1),
)
HQ_CITIES = ("Tokyo", "Osaka", "Nagoya", "Yokohama", "Kobe", "Kyoto", "Hamamatsu", "Sendai")
HQ_CITIES_JA = {
    "Tokyo": "東京",
    "Osaka": "大阪",
    "Nagoya": "名古屋",
    "Yokohama": "横浜",
    "Kobe": "神戸",
    "Kyoto": "京都",
    "Hamamatsu": "浜松",
    "Sendai": "仙台",
}
# Sites of the corporates' European operations that needs refer to.
SITES = (
    "Krefeld",
    "Neuss",
    "Mönchengladbach",
    "Venlo",
    "Tilburg",
    "Duisburg",
    "Hilden",
    "Wesel",
    "Bottrop",
    "Leverkusen",
    "Moers",
    "Rheinberg",
)

# The original demo corporate (DEMO_ACCOUNTS), given a full profile and needs.
KANSAI_PROFILE = {
    "business": "precision",
    "website": "https://kansai-precision.example",
    "city": "Düsseldorf",
    "country": "DE",
    "parent_company": "Kansai Precision Industries Co., Ltd.",
    "description": "Kansai Precision Europe is the European subsidiary of Kansai Precision "
    "Industries, Osaka. We make bearings, ball screws and linear guides for machine tools, "
    "robots and electric vehicles, with a plant in Krefeld and a sales office in Düsseldorf.",
    "offers": "Pilot sites at our Krefeld plant, co-development with our R&D centre in Osaka "
    "and access to European machine builders through our sales network.",
    "seeks": "Startups in predictive maintenance, sensors and battery technology that want a "
    "pilot with a precision manufacturer and a route into Japan.",
    "founded_year": 1998,
    "team_size": 320,
    "decision_path": "joint",
    "industries": ("machinery_plant_engineering", "automotive"),
    "technologies": ("predictive_maintenance", "sensors_lidar_radar"),
    "languages": ("en", "de", "ja"),
    # A pilot at the Krefeld plant needs a working prototype; growth-stage companies come
    # in through procurement, not open innovation.
    "stages": ("seed", "series_a", "series_b_plus"),
    "contact_name": "Kenji Tanaka",
    "contact_role": "Head of Open Innovation",
    "contact_phone": "+49 211 5550 2201",
    "needs": (
        ("maintenance", 0),
        ("batteries", 0),
    ),
}

# --- corporate needs by sector ------------------------------------------------------------
#
# Each need in English, German and Japanese; "{site}" is a site of the corporate.

NEEDS: dict[str, list[dict]] = {
    "batteries": [
        {
            "technologies": ("battery_management", "data_analytics"),
            "partnerships": ("pilot",),
            "en": (
                "Battery health monitoring for our electric delivery fleet",
                "We run a growing fleet of electric vans from our site in {site} and want to "
                "know early which battery packs degrade. We look for analytics that work "
                "with our telematics data, for a six-month pilot.",
            ),
            "de": (
                "Batteriezustandsüberwachung für unsere elektrische Lieferflotte",
                "Von unserem Standort in {site} aus fahren immer mehr Elektrotransporter. "
                "Wir möchten früh erkennen, welche Batteriepacks nachlassen, und suchen "
                "Analysen, die mit unseren Telematikdaten funktionieren – für ein "
                "sechsmonatiges Pilotprojekt.",
            ),
            "ja": (
                "電動配送車両のバッテリー状態監視",
                "{site}拠点で電動バンの台数が増えており、劣化が進むバッテリーパックを"
                "早期に把握したいと考えています。当社のテレマティクスデータで使える分析技術を"
                "持つスタートアップと、6か月間のPoCを実施したいです。",
            ),
        },
        {
            "technologies": ("batteries_energy_storage", "recycling_circular_economy"),
            "partnerships": ("pilot", "joint_development"),
            "en": (
                "Second life for returned battery modules",
                "Our service centre in {site} collects used battery modules from forklifts "
                "and machines. We seek partners who can test, grade and reuse them in "
                "stationary storage.",
            ),
            "de": (
                "Zweites Leben für zurückgenommene Batteriemodule",
                "Unser Servicezentrum in {site} nimmt gebrauchte Batteriemodule aus "
                "Staplern und Maschinen zurück. Wir suchen Partner, die sie prüfen, "
                "sortieren und in stationären Speichern weiterverwenden.",
            ),
            "ja": (
                "回収したバッテリーモジュールの二次利用",
                "{site}のサービス拠点では、フォークリフトや機械から使用済みバッテリー"
                "モジュールを回収しています。診断・選別し、定置用蓄電池として再利用できる"
                "パートナーを探しています。",
            ),
        },
        {
            "technologies": ("ev_charging", "power_electronics"),
            "partnerships": ("joint_development", "market_entry_europe"),
            "en": (
                "Fast-charging components for the European market",
                "Our headquarters develops power modules for chargers. We want to "
                "co-develop with European charging startups so that our modules meet local "
                "grid and certification rules.",
            ),
            "de": (
                "Schnellladekomponenten für den europäischen Markt",
                "Unsere Zentrale entwickelt Leistungsmodule für Ladesäulen. Gemeinsam mit "
                "europäischen Startups aus dem Ladebereich wollen wir sie an die hiesigen "
                "Netz- und Zertifizierungsregeln anpassen.",
            ),
            "ja": (
                "欧州市場向け急速充電コンポーネント",
                "本社で充電器用のパワーモジュールを開発しています。欧州の系統規格や認証に"
                "対応するため、欧州の充電関連スタートアップとの共同開発を希望します。",
            ),
        },
    ],
    "maintenance": [
        {
            "technologies": ("predictive_maintenance", "iot"),
            "partnerships": ("pilot",),
            "en": (
                "Predictive maintenance for our presses and CNC lines",
                "Unplanned stops at our plant in {site} cost us several shifts a month. We "
                "seek a retrofit solution that warns of bearing and spindle failures and "
                "runs without changes to our controls.",
            ),
            "de": (
                "Vorausschauende Wartung für Pressen und CNC-Linien",
                "Ungeplante Stillstände in unserem Werk in {site} kosten uns jeden Monat "
                "mehrere Schichten. Wir suchen eine Nachrüstlösung, die vor Lager- und "
                "Spindelschäden warnt und ohne Eingriff in die Steuerung läuft.",
            ),
            "ja": (
                "プレス機とCNCラインの予知保全",
                "{site}工場では予定外の停止により毎月数シフト分の損失が出ています。"
                "制御系を変更せずに後付けでき、軸受や主軸の故障を事前に知らせる"
                "ソリューションを探しています。",
            ),
        },
        {
            "technologies": ("digital_twins", "edge_computing"),
            "partnerships": ("pilot", "joint_development"),
            "en": (
                "Digital twin of a production line",
                "We plan a new line in {site} and want to simulate throughput and "
                "maintenance before we build it. Experience with machines from Japanese "
                "makers is a plus.",
            ),
            "de": (
                "Digitaler Zwilling einer Fertigungslinie",
                "Wir planen eine neue Linie in {site} und möchten Durchsatz und Wartung "
                "simulieren, bevor wir bauen. Erfahrung mit Maschinen japanischer "
                "Hersteller ist ein Plus.",
            ),
            "ja": (
                "生産ラインのデジタルツイン",
                "{site}で新ラインの立ち上げを計画しており、建設前に生産能力と保全を"
                "シミュレーションしたいと考えています。日本製設備の経験があれば歓迎します。",
            ),
        },
        {
            "technologies": ("ai_machine_learning", "data_analytics"),
            "partnerships": ("pilot", "licensing"),
            "en": (
                "Finding the causes of quality deviations",
                "Scrap rates on our coating line vary from week to week and nobody knows "
                "why. We look for AI that connects process data with quality results.",
            ),
            "de": (
                "Ursachen von Qualitätsschwankungen finden",
                "Die Ausschussquote unserer Beschichtungslinie schwankt von Woche zu Woche, "
                "und niemand weiß genau, warum. Wir suchen KI, die Prozessdaten mit "
                "Qualitätsergebnissen verknüpft.",
            ),
            "ja": (
                "品質ばらつきの原因解明",
                "塗装ラインの不良率が週ごとに変動しており、原因が特定できていません。"
                "工程データと品質結果を結び付けて分析できるAIを探しています。",
            ),
        },
    ],
    "logistics": [
        {
            "technologies": ("warehouse_automation", "robotics"),
            "partnerships": ("pilot", "supplier"),
            "en": (
                "Automating pallet transport in our warehouse",
                "Our distribution centre in {site} moves thousands of pallets a day with "
                "forklifts. We want to test autonomous transport robots in one hall.",
            ),
            "de": (
                "Automatisierter Palettentransport im Lager",
                "In unserem Verteilzentrum in {site} bewegen Stapler täglich tausende "
                "Paletten. Wir möchten autonome Transportroboter in einer Halle testen.",
            ),
            "ja": (
                "倉庫内のパレット搬送の自動化",
                "{site}の物流センターでは、毎日数千枚のパレットをフォークリフトで運んでいます。"
                "1棟で自律搬送ロボットの試験導入を行いたいと考えています。",
            ),
        },
        {
            "technologies": ("supply_chain_software", "data_analytics"),
            "partnerships": ("pilot", "licensing"),
            "en": (
                "Predicting delays in sea freight from Asia",
                "Containers from Japan and China arrive late more and more often. We want "
                "forecasts that let us re-plan production and deliveries earlier.",
            ),
            "de": (
                "Verspätungen in der Seefracht aus Asien vorhersagen",
                "Container aus Japan und China kommen immer öfter verspätet an. Wir "
                "brauchen Prognosen, damit wir Produktion und Lieferungen früher umplanen "
                "können.",
            ),
            "ja": (
                "アジアからの海上輸送の遅延予測",
                "日本や中国からのコンテナの遅延が増えています。生産計画や配送を早めに"
                "組み直せるよう、到着遅延を予測する仕組みを求めています。",
            ),
        },
        {
            "technologies": ("last_mile_delivery", "electric_vehicles"),
            "partnerships": ("pilot",),
            "en": (
                "Emission-free last-mile delivery in city centres",
                "Our customers in Düsseldorf and Köln want deliveries without emissions. "
                "We look for cargo-bike or micro-hub concepts we can pilot this year.",
            ),
            "de": (
                "Emissionsfreie Zustellung in Innenstädten",
                "Unsere Kunden in Düsseldorf und Köln wünschen emissionsfreie Lieferungen. "
                "Wir suchen Lastenrad- oder Mikro-Hub-Konzepte, die wir noch in diesem "
                "Jahr erproben können.",
            ),
            "ja": (
                "都市中心部でのゼロエミッション配送",
                "デュッセルドルフやケルンの顧客から排出ゼロの配送を求められています。"
                "今年中に試せるカーゴバイクやマイクロハブの仕組みを探しています。",
            ),
        },
    ],
    "medtech": [
        {
            "technologies": ("ai_machine_learning", "medtech_digital_health"),
            "partnerships": ("joint_development", "licensing"),
            "en": (
                "AI support for endoscopy image reading",
                "We want to add AI that highlights suspicious findings to our next "
                "generation of endoscopy systems, together with a European partner that "
                "knows MDR approval.",
            ),
            "de": (
                "KI-Unterstützung bei der Befundung von Endoskopiebildern",
                "Unsere nächste Generation von Endoskopiesystemen soll KI erhalten, die "
                "auffällige Befunde hervorhebt – gemeinsam mit einem europäischen Partner, "
                "der die MDR-Zulassung kennt.",
            ),
            "ja": (
                "内視鏡画像診断のAI支援",
                "次世代の内視鏡システムに、疑わしい所見を示すAIを搭載したいと考えています。"
                "MDR認証に詳しい欧州のパートナーとの共同開発を希望します。",
            ),
        },
        {
            "technologies": ("wearables", "telemedicine"),
            "partnerships": ("pilot", "distribution"),
            "en": (
                "Remote monitoring of patients at home",
                "Hospitals ask us for solutions that connect our patient monitors with "
                "care at home. We look for wearables and telemedicine services to pilot "
                "with two hospitals.",
            ),
            "de": (
                "Fernüberwachung von Patienten zu Hause",
                "Kliniken fragen nach Lösungen, die unsere Patientenmonitore mit der "
                "Versorgung zu Hause verbinden. Wir suchen Wearables und "
                "Telemedizin-Dienste für ein Pilotprojekt mit zwei Kliniken.",
            ),
            "ja": (
                "在宅患者の遠隔モニタリング",
                "病院から、当社の生体情報モニターと在宅ケアをつなぐ仕組みを求められています。"
                "2つの病院で試せるウェアラブルや遠隔医療サービスを探しています。",
            ),
        },
        {
            "technologies": ("medtech_digital_health", "sensors_lidar_radar"),
            "partnerships": ("pilot", "investment"),
            "en": (
                "Point-of-care diagnostics for general practices",
                "We seek compact diagnostic devices that give results during the "
                "consultation, for distribution through our European sales channels.",
            ),
            "de": (
                "Point-of-Care-Diagnostik für Hausarztpraxen",
                "Wir suchen kompakte Diagnosegeräte, die noch während der Sprechstunde "
                "Ergebnisse liefern, für den Vertrieb über unsere europäischen Kanäle.",
            ),
            "ja": (
                "診療所向けのポイントオブケア診断",
                "診察中に結果が出る小型の診断機器を探しています。当社の欧州販売網を通じた"
                "販売を想定しています。",
            ),
        },
    ],
    "food": [
        {
            "technologies": ("foodtech",),
            "partnerships": ("joint_development", "supplier"),
            "en": (
                "Plant-based ingredients for our frozen meals",
                "European customers want more vegetarian and vegan options. We look for "
                "plant-based proteins and partners for joint recipe development.",
            ),
            "de": (
                "Pflanzliche Zutaten für unsere Tiefkühlgerichte",
                "Europäische Kunden wünschen mehr vegetarische und vegane Angebote. Wir "
                "suchen pflanzliche Proteine und Partner für die gemeinsame "
                "Rezepturentwicklung.",
            ),
            "ja": (
                "冷凍食品向けの植物性原料",
                "欧州の顧客からベジタリアン・ヴィーガン商品の要望が増えています。植物性たんぱく"
                "原料と、共同でレシピを開発できるパートナーを探しています。",
            ),
        },
        {
            "technologies": ("data_analytics", "ai_machine_learning"),
            "partnerships": ("pilot",),
            "en": (
                "Less food waste through better demand forecasts",
                "Our factory in {site} produces fresh products for retailers. Better "
                "forecasts of orders would cut waste and overtime.",
            ),
            "de": (
                "Weniger Lebensmittelabfall durch bessere Bedarfsprognosen",
                "Unser Werk in {site} produziert Frischeprodukte für den Handel. Bessere "
                "Bestellprognosen würden Abfall und Überstunden verringern.",
            ),
            "ja": (
                "需要予測による食品ロス削減",
                "{site}工場では小売向けの日配品を製造しています。受注予測の精度を高め、"
                "廃棄と残業を減らしたいと考えています。",
            ),
        },
        {
            "technologies": ("agritech", "iot"),
            "partnerships": ("pilot", "investment"),
            "en": (
                "Sustainable sourcing of vegetables in Europe",
                "We want to buy more vegetables from European farms and need data on "
                "yields, water use and carbon footprint from our growers.",
            ),
            "de": (
                "Nachhaltige Beschaffung von Gemüse in Europa",
                "Wir möchten mehr Gemüse von europäischen Betrieben beziehen und brauchen "
                "Daten zu Erträgen, Wasserverbrauch und CO2-Bilanz unserer Erzeuger.",
            ),
            "ja": (
                "欧州での野菜の持続可能な調達",
                "欧州の農家からの野菜調達を増やしたく、生産者の収量、水使用量、CO2排出量の"
                "データを把握する仕組みが必要です。",
            ),
        },
    ],
    "materials": [
        {
            "technologies": ("recycling_circular_economy",),
            "partnerships": ("pilot", "supplier"),
            "en": (
                "Recycled plastics for packaging and parts",
                "From next year our European customers require recycled content. We seek "
                "suppliers of high-quality recyclate and partners to qualify it.",
            ),
            "de": (
                "Rezyklate für Verpackungen und Bauteile",
                "Ab dem nächsten Jahr verlangen unsere europäischen Kunden Rezyklatanteile. "
                "Wir suchen Lieferanten hochwertiger Rezyklate und Partner für die "
                "Qualifizierung.",
            ),
            "ja": (
                "包装材・部品向けの再生プラスチック",
                "来年から欧州の顧客が再生材の使用を求めています。高品質な再生材の供給元と、"
                "品質評価を共に進めるパートナーを探しています。",
            ),
        },
        {
            "technologies": ("esg_carbon_accounting",),
            "partnerships": ("pilot", "licensing"),
            "en": (
                "Product carbon footprints for European customers",
                "Car makers ask for the carbon footprint of every part we deliver. We look "
                "for software that calculates it from our production and supplier data.",
            ),
            "de": (
                "CO2-Fußabdruck unserer Produkte für europäische Kunden",
                "Autohersteller fragen nach dem CO2-Fußabdruck jedes gelieferten Teils. Wir "
                "suchen Software, die ihn aus Produktions- und Lieferantendaten berechnet.",
            ),
            "ja": (
                "欧州顧客向けの製品カーボンフットプリント",
                "自動車メーカーから納入部品ごとのCO2排出量の提示を求められています。"
                "生産データと仕入先データから算出できるソフトウェアを探しています。",
            ),
        },
        {
            "technologies": ("advanced_materials", "additive_manufacturing"),
            "partnerships": ("joint_development",),
            "en": (
                "Lightweight materials for the next product generation",
                "We look for new composites and printed metal parts that make our "
                "products lighter without losing strength.",
            ),
            "de": (
                "Leichtbauwerkstoffe für die nächste Produktgeneration",
                "Wir suchen neue Verbundwerkstoffe und gedruckte Metallteile, die unsere "
                "Produkte leichter machen, ohne an Festigkeit zu verlieren.",
            ),
            "ja": (
                "次世代製品向けの軽量素材",
                "強度を保ちながら製品を軽量化できる新しい複合材料や金属3Dプリント部品を"
                "探しています。",
            ),
        },
    ],
    "hydrogen": [
        {
            "technologies": ("hydrogen_fuel_cells",),
            "partnerships": ("joint_development", "pilot"),
            "en": (
                "Green hydrogen for our production site",
                "Our site in {site} needs heat and hydrogen for its processes. We want to "
                "test on-site electrolysis with a partner and share the investment.",
            ),
            "de": (
                "Grüner Wasserstoff für unseren Produktionsstandort",
                "Unser Standort in {site} braucht Wärme und Wasserstoff für seine Prozesse. "
                "Wir möchten eine Elektrolyse vor Ort mit einem Partner erproben und die "
                "Investition teilen.",
            ),
            "ja": (
                "生産拠点でのグリーン水素の活用",
                "{site}拠点では工程で熱と水素を使用しています。パートナーと共同でオンサイト"
                "水電解を試験し、投資を分担したいと考えています。",
            ),
        },
        {
            "technologies": ("energy_management", "smart_grid"),
            "partnerships": ("pilot",),
            "en": (
                "Lower energy costs in our European plants",
                "Energy prices in Germany put pressure on our plants. We look for load "
                "management and on-site generation that pay back within three years.",
            ),
            "de": (
                "Niedrigere Energiekosten in unseren europäischen Werken",
                "Die Energiepreise in Deutschland setzen unsere Werke unter Druck. Wir "
                "suchen Lastmanagement und Eigenerzeugung, die sich in drei Jahren "
                "amortisieren.",
            ),
            "ja": (
                "欧州工場のエネルギーコスト削減",
                "ドイツのエネルギー価格が工場の収益を圧迫しています。3年以内に投資回収できる"
                "負荷管理や自家発電の仕組みを探しています。",
            ),
        },
        {
            "technologies": ("heat_pumps_hvac", "carbon_capture"),
            "partnerships": ("pilot", "supplier"),
            "en": (
                "Replacing gas in process heat",
                "Our drying ovens run on natural gas. We seek industrial heat pumps or "
                "other low-carbon heat for temperatures up to 140 °C.",
            ),
            "de": (
                "Erdgas in der Prozesswärme ersetzen",
                "Unsere Trockenöfen laufen mit Erdgas. Wir suchen Industriewärmepumpen oder "
                "andere CO2-arme Wärme für Temperaturen bis 140 °C.",
            ),
            "ja": (
                "工程熱の脱ガス化",
                "乾燥炉は天然ガスで稼働しています。140℃までの熱を供給できる産業用ヒート"
                "ポンプなど、低炭素の熱源を探しています。",
            ),
        },
    ],
    "semis": [
        {
            "technologies": ("sensors_lidar_radar",),
            "partnerships": ("joint_development", "supplier"),
            "en": (
                "Sensors for collision avoidance on mobile machines",
                "Our machines increasingly work next to people. We look for radar or lidar "
                "sensors that are robust, compact and affordable in volume.",
            ),
            "de": (
                "Sensoren zur Kollisionsvermeidung an mobilen Maschinen",
                "Unsere Maschinen arbeiten immer öfter neben Menschen. Wir suchen Radar- "
                "oder Lidarsensoren, die robust, kompakt und in Stückzahlen bezahlbar "
                "sind.",
            ),
            "ja": (
                "移動機械の衝突回避センサー",
                "当社の機械が人のそばで稼働する場面が増えています。堅牢・小型で量産時に"
                "手頃な価格のレーダーやLiDARセンサーを探しています。",
            ),
        },
        {
            "technologies": ("semiconductor_chips", "edge_computing"),
            "partnerships": ("joint_development", "investment"),
            "en": (
                "Edge AI chips for our next controller",
                "We want to run vision models directly in our controllers. We seek chip "
                "startups for joint development and possibly a minority investment.",
            ),
            "de": (
                "Edge-KI-Chips für unsere nächste Steuerung",
                "Wir möchten Bildverarbeitungsmodelle direkt in unseren Steuerungen "
                "ausführen und suchen Chip-Startups für gemeinsame Entwicklung und "
                "möglicherweise eine Minderheitsbeteiligung.",
            ),
            "ja": (
                "次世代コントローラー向けエッジAIチップ",
                "画像認識モデルをコントローラー上で直接動かしたいと考えています。"
                "共同開発や少額出資も視野に、半導体スタートアップを探しています。",
            ),
        },
        {
            "technologies": ("power_electronics", "semiconductor_chips"),
            "partnerships": ("supplier", "joint_development"),
            "en": (
                "Efficient power semiconductors",
                "We look for silicon-carbide or gallium-nitride devices and partners who "
                "help us design them into our inverters.",
            ),
            "de": (
                "Effiziente Leistungshalbleiter",
                "Wir suchen Siliziumkarbid- oder Galliumnitrid-Bauteile und Partner, die "
                "uns helfen, sie in unsere Wechselrichter einzubauen.",
            ),
            "ja": (
                "高効率パワー半導体",
                "SiCやGaNのパワーデバイスと、それを当社インバーターに組み込む設計を"
                "支援できるパートナーを探しています。",
            ),
        },
    ],
    "fintech": [
        {
            "technologies": ("fintech_payments",),
            "partnerships": ("pilot",),
            "en": (
                "Faster payments with European suppliers",
                "We pay hundreds of suppliers across Europe and want faster, cheaper "
                "cross-border payments that connect to our ERP.",
            ),
            "de": (
                "Schnellere Zahlungen mit europäischen Lieferanten",
                "Wir bezahlen hunderte Lieferanten in ganz Europa und wünschen uns "
                "schnellere, günstigere Auslandszahlungen mit Anbindung an unser ERP.",
            ),
            "ja": (
                "欧州の仕入先への支払いの迅速化",
                "欧州各地の数百社の仕入先に支払いを行っています。ERPと連携でき、"
                "より速く安価な国際送金の仕組みを探しています。",
            ),
        },
        {
            "technologies": ("insurtech", "data_analytics"),
            "partnerships": ("pilot", "distribution"),
            "en": (
                "Digital insurance products for small businesses",
                "We want to offer simple online insurance to the European suppliers of our "
                "clients and look for insurtech partners with a ready platform.",
            ),
            "de": (
                "Digitale Versicherungsprodukte für kleine Unternehmen",
                "Wir möchten den europäischen Zulieferern unserer Kunden einfache "
                "Online-Versicherungen anbieten und suchen Insurtech-Partner mit fertiger "
                "Plattform.",
            ),
            "ja": (
                "中小企業向けのデジタル保険商品",
                "取引先の欧州サプライヤー向けに、オンラインで完結するシンプルな保険を"
                "提供したいと考えています。プラットフォームを持つインシュアテック企業を"
                "探しています。",
            ),
        },
        {
            "technologies": ("identity_fraud_prevention",),
            "partnerships": ("pilot", "licensing"),
            "en": (
                "Fraud detection in invoice and payment processes",
                "Fake invoices and changed bank details have cost us money. We seek "
                "software that detects such fraud before payments go out.",
            ),
            "de": (
                "Betrugserkennung in Rechnungs- und Zahlungsprozessen",
                "Gefälschte Rechnungen und geänderte Bankdaten haben uns bereits Geld "
                "gekostet. Wir suchen Software, die solchen Betrug erkennt, bevor Zahlungen "
                "rausgehen.",
            ),
            "ja": (
                "請求・支払業務での不正検知",
                "偽の請求書や口座情報の改ざんによる被害が発生しました。支払い前に不正を"
                "検知できるソフトウェアを探しています。",
            ),
        },
    ],
    "construction": [
        {
            "technologies": ("building_tech", "digital_twins"),
            "partnerships": ("pilot",),
            "en": (
                "Faster construction of logistics buildings",
                "We build several logistics centres a year in Germany and the Netherlands. "
                "We look for prefabrication and digital planning that shorten construction "
                "time.",
            ),
            "de": (
                "Schnellerer Bau von Logistikimmobilien",
                "Wir bauen jedes Jahr mehrere Logistikzentren in Deutschland und den "
                "Niederlanden und suchen Vorfertigung und digitale Planung, die die Bauzeit "
                "verkürzen.",
            ),
            "ja": (
                "物流施設の工期短縮",
                "ドイツとオランダで毎年複数の物流センターを建設しています。工期を短縮できる"
                "プレハブ化やデジタル設計の技術を探しています。",
            ),
        },
        {
            "technologies": ("heat_pumps_hvac", "energy_management"),
            "partnerships": ("pilot", "supplier"),
            "en": (
                "Energy retrofit of our office buildings",
                "Our offices in {site} and Düsseldorf must cut their energy use. We seek "
                "partners for measurement, heat pumps and building automation.",
            ),
            "de": (
                "Energetische Sanierung unserer Bürogebäude",
                "Unsere Büros in {site} und Düsseldorf müssen weniger Energie verbrauchen. "
                "Wir suchen Partner für Messung, Wärmepumpen und Gebäudeautomation.",
            ),
            "ja": (
                "オフィスビルの省エネ改修",
                "{site}とデュッセルドルフのオフィスでエネルギー使用量を削減する必要が"
                "あります。計測、ヒートポンプ、ビル制御のパートナーを探しています。",
            ),
        },
        {
            "technologies": ("drones", "iot"),
            "partnerships": ("pilot",),
            "en": (
                "Progress tracking on construction sites",
                "We want to see the progress of our sites without visiting them daily: "
                "drone surveys, sensors or cameras that report weekly.",
            ),
            "de": (
                "Baufortschritt digital verfolgen",
                "Wir möchten den Fortschritt unserer Baustellen sehen, ohne täglich vor Ort "
                "zu sein: Drohnenflüge, Sensoren oder Kameras mit wöchentlichem Bericht.",
            ),
            "ja": (
                "建設現場の進捗管理",
                "毎日現場に行かなくても進捗を把握したいと考えています。ドローン測量、"
                "センサー、カメラなどで週次の報告が得られる仕組みを探しています。",
            ),
        },
    ],
    "cyber": [
        {
            "technologies": ("cybersecurity", "iot"),
            "partnerships": ("pilot",),
            "en": (
                "Protecting our plants against cyber attacks",
                "Our European plants are increasingly connected. We look for OT security "
                "monitoring that fits both our German and Japanese IT teams.",
            ),
            "de": (
                "Schutz unserer Werke vor Cyberangriffen",
                "Unsere europäischen Werke sind zunehmend vernetzt. Wir suchen eine "
                "OT-Sicherheitsüberwachung, die zu unseren deutschen und japanischen "
                "IT-Teams passt.",
            ),
            "ja": (
                "工場のサイバー攻撃対策",
                "欧州工場のネットワーク化が進んでいます。ドイツと日本の両方のIT部門で"
                "運用できるOTセキュリティ監視を探しています。",
            ),
        },
        {
            "technologies": ("cybersecurity", "cloud_saas"),
            "partnerships": ("pilot", "licensing"),
            "en": (
                "Getting ready for NIS2",
                "As a supplier to critical industries we fall under NIS2. We seek tools "
                "and services that help us meet the requirements without a large team.",
            ),
            "de": (
                "Vorbereitung auf NIS2",
                "Als Zulieferer kritischer Branchen fallen wir unter NIS2. Wir suchen "
                "Werkzeuge und Dienste, mit denen wir die Anforderungen ohne großes Team "
                "erfüllen.",
            ),
            "ja": (
                "NIS2指令への対応",
                "重要インフラ向けのサプライヤーとしてNIS2の対象となりました。少人数でも"
                "要件を満たせるツールやサービスを探しています。",
            ),
        },
        {
            "technologies": ("identity_fraud_prevention", "cybersecurity"),
            "partnerships": ("pilot",),
            "en": (
                "Secure access for suppliers and service technicians",
                "External technicians need remote access to our machines. We look for "
                "secure, simple access management that works across companies.",
            ),
            "de": (
                "Sicherer Zugang für Lieferanten und Servicetechniker",
                "Externe Techniker brauchen Fernzugriff auf unsere Maschinen. Wir suchen "
                "ein sicheres, einfaches Zugangsmanagement über Unternehmensgrenzen "
                "hinweg.",
            ),
            "ja": (
                "仕入先・保守技術者の安全なアクセス管理",
                "社外の保守技術者が当社設備へリモートアクセスする必要があります。"
                "企業をまたいで使える、安全で簡単なアクセス管理を探しています。",
            ),
        },
    ],
    "retail": [
        {
            "technologies": ("ecommerce_platforms", "marketing_tech"),
            "partnerships": ("market_entry_europe", "distribution"),
            "en": (
                "Selling our brands online across Europe",
                "Our products sell well in Japan but are hardly known in Europe. We look "
                "for partners who run marketplaces, logistics and marketing for us.",
            ),
            "de": (
                "Unsere Marken online in ganz Europa verkaufen",
                "Unsere Produkte verkaufen sich in Japan gut, sind in Europa aber kaum "
                "bekannt. Wir suchen Partner, die Marktplätze, Logistik und Marketing für "
                "uns übernehmen.",
            ),
            "ja": (
                "欧州全域でのブランドのオンライン販売",
                "日本では好調な商品も、欧州ではほとんど知られていません。マーケットプレイス、"
                "物流、マーケティングを任せられるパートナーを探しています。",
            ),
        },
        {
            "technologies": ("computer_vision", "data_analytics"),
            "partnerships": ("pilot",),
            "en": (
                "Better shelf availability in supermarkets",
                "Our products are often missing from the shelves of our retail partners. "
                "We seek data or camera solutions that show where and why.",
            ),
            "de": (
                "Bessere Regalverfügbarkeit im Supermarkt",
                "Unsere Produkte fehlen oft in den Regalen unserer Handelspartner. Wir "
                "suchen Daten- oder Kameralösungen, die zeigen, wo und warum.",
            ),
            "ja": (
                "スーパーでの欠品対策",
                "取引先の小売店で当社商品の欠品がよく起きています。どこで、なぜ欠品が起きるのか"
                "を可視化するデータやカメラの技術を探しています。",
            ),
        },
        {
            "technologies": ("ai_machine_learning", "ecommerce_platforms"),
            "partnerships": ("pilot", "licensing"),
            "en": (
                "Product content in many languages",
                "We sell thousands of items in Europe and need product descriptions in "
                "every local language, written well and kept up to date.",
            ),
            "de": (
                "Produkttexte in vielen Sprachen",
                "Wir verkaufen tausende Artikel in Europa und brauchen gut geschriebene, "
                "aktuelle Produktbeschreibungen in jeder Landessprache.",
            ),
            "ja": (
                "多言語の商品説明の作成",
                "欧州で数千点の商品を販売しており、各国語で質の高い商品説明を作成・更新する"
                "必要があります。",
            ),
        },
    ],
    "hr": [
        {
            "technologies": ("ar_vr", "edtech"),
            "partnerships": ("pilot",),
            "en": (
                "Training new operators faster",
                "We hire many new operators for our plant in {site}. We look for digital "
                "or VR training that shortens onboarding and works in several languages.",
            ),
            "de": (
                "Neue Maschinenbediener schneller einarbeiten",
                "Für unser Werk in {site} stellen wir viele neue Bediener ein. Wir suchen "
                "digitale oder VR-Schulungen, die die Einarbeitung verkürzen und in "
                "mehreren Sprachen funktionieren.",
            ),
            "ja": (
                "新人オペレーターの早期育成",
                "{site}工場では多くの新人オペレーターを採用しています。多言語に対応し、"
                "教育期間を短縮できるデジタル研修やVR研修を探しています。",
            ),
        },
        {
            "technologies": ("hr_tech",),
            "partnerships": ("pilot", "distribution"),
            "en": (
                "Finding skilled technicians in Germany",
                "Open positions for technicians stay vacant for months. We seek recruiting "
                "platforms and new ways to reach skilled workers.",
            ),
            "de": (
                "Fachkräfte in Deutschland finden",
                "Offene Technikerstellen bleiben monatelang unbesetzt. Wir suchen "
                "Recruiting-Plattformen und neue Wege, Fachkräfte zu erreichen.",
            ),
            "ja": (
                "ドイツでの技術者採用",
                "技術職の求人が何か月も埋まりません。採用プラットフォームや、技能人材に"
                "届く新しい手段を探しています。",
            ),
        },
        {
            "technologies": ("nlp_llm", "edtech"),
            "partnerships": ("pilot", "licensing"),
            "en": (
                "Knowledge transfer between Japan and Europe",
                "Know-how from our Japanese plants should reach European teams faster. We "
                "look for AI tools that translate and explain technical documents.",
            ),
            "de": (
                "Wissenstransfer zwischen Japan und Europa",
                "Das Wissen aus unseren japanischen Werken soll schneller bei den "
                "europäischen Teams ankommen. Wir suchen KI-Werkzeuge, die technische "
                "Dokumente übersetzen und erklären.",
            ),
            "ja": (
                "日欧間のナレッジ共有",
                "日本の工場のノウハウを欧州の現場に素早く伝えたいと考えています。技術文書を"
                "翻訳し、わかりやすく説明できるAIツールを探しています。",
            ),
        },
    ],
    "drones": [
        {
            "technologies": ("drones", "computer_vision"),
            "partnerships": ("pilot",),
            "en": (
                "Drone inspection of tanks and roofs",
                "Inspections at our site in {site} need scaffolding and stop operations. "
                "We look for drone inspection with automatic damage detection.",
            ),
            "de": (
                "Drohneninspektion von Tanks und Dächern",
                "Inspektionen an unserem Standort in {site} brauchen Gerüste und "
                "unterbrechen den Betrieb. Wir suchen Drohneninspektion mit automatischer "
                "Schadenserkennung.",
            ),
            "ja": (
                "ドローンによるタンク・屋根の点検",
                "{site}拠点の点検には足場が必要で、操業も止まります。損傷を自動で検出できる"
                "ドローン点検を探しています。",
            ),
        },
        {
            "technologies": ("satellite_space", "data_analytics"),
            "partnerships": ("pilot", "licensing"),
            "en": (
                "Satellite data for risk assessment",
                "We want to use satellite images to assess flood and subsidence risks of "
                "the sites we insure or operate.",
            ),
            "de": (
                "Satellitendaten für die Risikobewertung",
                "Wir möchten Satellitenbilder nutzen, um Hochwasser- und Senkungsrisiken "
                "der Standorte zu bewerten, die wir versichern oder betreiben.",
            ),
            "ja": (
                "衛星データを活用したリスク評価",
                "保険の引受先や自社拠点の洪水・地盤沈下リスクを、衛星画像で評価したいと"
                "考えています。",
            ),
        },
        {
            "technologies": ("telecom_5g", "iot"),
            "partnerships": ("pilot", "supplier"),
            "en": (
                "Private 5G for a large industrial site",
                "Our site in {site} needs reliable wireless for vehicles, sensors and "
                "tablets. We seek partners to plan and run a private network.",
            ),
            "de": (
                "Privates 5G-Netz für einen großen Industriestandort",
                "Unser Standort in {site} braucht zuverlässigen Funk für Fahrzeuge, "
                "Sensoren und Tablets. Wir suchen Partner, die ein privates Netz planen und "
                "betreiben.",
            ),
            "ja": (
                "大規模工場でのローカル5G",
                "{site}拠点では車両、センサー、タブレット向けに安定した無線通信が必要です。"
                "ローカル5Gの設計と運用を担えるパートナーを探しています。",
            ),
        },
    ],
    "chemicals": [
        {
            "technologies": ("lab_automation", "ai_machine_learning"),
            "partnerships": ("pilot", "joint_development"),
            "en": (
                "Faster formulation development in our lab",
                "Our application lab in {site} tests adhesive formulations by hand. We "
                "want lab automation and data-driven experiment planning.",
            ),
            "de": (
                "Schnellere Rezepturentwicklung im Labor",
                "Unser Anwendungslabor in {site} prüft Klebstoffrezepturen von Hand. Wir "
                "wünschen uns Laborautomatisierung und datengestützte Versuchsplanung.",
            ),
            "ja": (
                "ラボでの配合開発の迅速化",
                "{site}の応用開発ラボでは接着剤の配合試験を手作業で行っています。"
                "ラボオートメーションとデータに基づく実験計画を導入したいと考えています。",
            ),
        },
        {
            "technologies": ("synthetic_biology",),
            "partnerships": ("joint_development", "investment"),
            "en": (
                "Bio-based raw materials",
                "We want to replace petroleum-based raw materials with bio-based ones and "
                "seek startups in fermentation and enzyme technology.",
            ),
            "de": (
                "Biobasierte Rohstoffe",
                "Wir möchten erdölbasierte Rohstoffe durch biobasierte ersetzen und suchen "
                "Startups aus Fermentation und Enzymtechnik.",
            ),
            "ja": (
                "バイオ由来原料への転換",
                "石油由来の原料をバイオ由来に置き換えたいと考えています。発酵や酵素技術の"
                "スタートアップを探しています。",
            ),
        },
        {
            "technologies": ("drug_discovery_genomics", "lab_automation"),
            "partnerships": ("joint_development", "licensing"),
            "en": (
                "New methods for preclinical testing",
                "Our research wants to reduce animal testing. We look for organ-on-chip "
                "and other new approach methods to validate together.",
            ),
            "de": (
                "Neue Methoden für präklinische Tests",
                "Unsere Forschung möchte Tierversuche reduzieren. Wir suchen Organ-on-Chip "
                "und andere neue Methoden, die wir gemeinsam validieren.",
            ),
            "ja": (
                "前臨床試験の新手法",
                "動物実験を減らすため、Organ-on-Chipなどの新しい試験手法を探しています。"
                "共同での検証を希望します。",
            ),
        },
    ],
}

# --- staff, meetings, introductions ----------------------------------------------------------

# The two extra Japan Desk members (beside DEMO_ACCOUNTS' admin and staff).
EXTRA_STAFF = (
    ("mara.winter@demo.japandesk.example", "Mara Winter"),
    ("daiki.mori@demo.japandesk.example", "Daiki Mori"),
)

REQUEST_MESSAGES = (
    "Their pilot results look relevant for our plant. Could you introduce us?",
    "We met them briefly at a fair and would like a proper introduction.",
    "This fits our need well; our headquarters is interested too.",
    "Could you check whether they would work with a company of our size?",
    "",
)
APPROVE_COMMENTS = (
    "Strong fit on the need; the startup has pilot experience.",
    "Good match, both sides speak English.",
    "",
)
REJECT_REASONS = (
    ("not_relevant", "The startup focuses on consumers, the need is industrial."),
    ("too_early", "Prototype only; the company needs a product in the market."),
    ("competitor", "The startup works with a direct competitor of this company."),
    ("already_in_contact", "They already talk to each other, per the account manager."),
    ("other", "The company is restructuring its European business; revisit in spring."),
)
DECLINE_REASONS = (
    ("no_capacity", "We are fully booked with pilots until the autumn."),
    ("not_relevant", "Our product does not fit this use case."),
    ("too_early", "We would like to wait until our next product version."),
    ("other", "Our board decided to focus on the DACH market first."),
)
OUTCOME_COMMENTS = {
    "pilot": "Three-month pilot agreed at the plant; kick-off next month.",
    "joint_development": "Joint development agreement signed for a new product generation.",
    "investment": "Corporate venture arm joined the startup's funding round.",
    "contract": "Supply contract signed after a successful pilot.",
    "no_fit": "Good conversation, but the technology does not fit their lines yet.",
}
FEEDBACK_COMMENTS = (
    "The first workshop went well; we are preparing a pilot offer.",
    "Headquarters in Japan is reviewing the proposal.",
    "Technical teams are in contact; very promising.",
)
NEXT_ACTIONS = (
    "Call the account manager about headquarters' feedback",
    "Send the pilot proposal to both sides",
    "Check whether the meeting took place",
    "Ask the startup for an updated deck in Japanese",
    "Remind the company about its answer",
    "Prepare the interpreter for the meeting",
)
NOTES = (
    "Decision sits with headquarters in Osaka; expect two to three weeks per step.",
    "Startup prefers meetings in English.",
    "Both sides met at the Japan Day before; warm introduction.",
    "",
)
MEETING_PLACES = (
    "Japan Desk, Düsseldorf",
    "Company office, Düsseldorf",
    "Startup office",
    "",
)

# Place names as Japanese texts write them.
PLACES_JA = {
    "Düsseldorf": "デュッセルドルフ",
    "Neuss": "ノイス",
    "Ratingen": "ラーティンゲン",
    "Krefeld": "クレーフェルト",
    "Köln": "ケルン",
    "Essen": "エッセン",
    "Frankfurt am Main": "フランクフルト",
    "Amsterdam": "アムステルダム",
    "Brussels": "ブリュッセル",
    "Mönchengladbach": "メンヒェングラートバッハ",
    "Venlo": "フェンロー",
    "Tilburg": "ティルブルフ",
    "Duisburg": "デュースブルク",
    "Hilden": "ヒルデン",
    "Wesel": "ヴェーゼル",
    "Bottrop": "ボトロップ",
    "Leverkusen": "レバークーゼン",
    "Moers": "メールス",
    "Rheinberg": "ラインベルク",
}
