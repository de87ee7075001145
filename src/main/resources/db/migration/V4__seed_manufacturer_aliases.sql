-- Manufacturer names that CMMS exports, vendor spreadsheets and CISA advisories spell in different ways.
-- Each alias_key is ManufacturerNames.key of the alias; ManufacturerServiceTest checks that they agree.
-- Baxter includes Hill-Rom (acquired 2021) with Welch Allyn and Breathe Technologies, as recent advisories name
-- Baxter for their products. Smiths Medical and Hospira stay apart from ICU Medical, which bought them, because
-- advisories and CMMS records still name them. "Hamilton" is Hamilton Medical, the ventilator maker.
INSERT INTO manufacturer (name, name_key) VALUES
    ('BD', 'bd'),
    ('Philips', 'philips'),
    ('GE HealthCare', 'ge healthcare'),
    ('Siemens Healthineers', 'siemens healthineers'),
    ('Baxter', 'baxter'),
    ('B. Braun', 'b braun'),
    ('Smiths Medical', 'smiths medical'),
    ('ICU Medical', 'icu medical'),
    ('Hospira', 'hospira'),
    ('Medtronic', 'medtronic'),
    ('Dräger', 'drager'),
    ('Contec', 'contec'),
    ('Mindray', 'mindray'),
    ('Nihon Kohden', 'nihon kohden'),
    ('Hamilton Medical', 'hamilton medical'),
    ('Fresenius Kabi', 'fresenius kabi'),
    ('Fresenius Medical Care', 'fresenius medical care'),
    ('Canon Medical Systems', 'canon medical systems'),
    ('Fujifilm', 'fujifilm'),
    ('Carestream', 'carestream'),
    ('Hologic', 'hologic'),
    ('Masimo', 'masimo'),
    ('ZOLL', 'zoll'),
    ('Stryker', 'stryker'),
    ('Spacelabs', 'spacelabs'),
    ('Abbott', 'abbott'),
    ('Roche', 'roche'),
    ('Beckman Coulter', 'beckman coulter'),
    ('Sysmex', 'sysmex'),
    ('Olympus', 'olympus'),
    ('Karl Storz', 'karl storz'),
    ('Natus', 'natus'),
    ('Getinge', 'getinge'),
    ('Vyaire', 'vyaire'),
    ('HP', 'hp'),
    ('Dell', 'dell');

INSERT INTO manufacturer_alias (alias_key, alias, manufacturer_id)
    SELECT 'bd', 'BD', id FROM manufacturer WHERE name_key = 'bd'
    UNION ALL
    SELECT 'becton dickinson', 'Becton Dickinson', id FROM manufacturer WHERE name_key = 'bd'
    UNION ALL
    SELECT 'becton dickinson and company bd', 'Becton, Dickinson and Company (BD)', id FROM manufacturer WHERE name_key = 'bd'
    UNION ALL
    SELECT 'becton dickinson bd', 'Becton Dickinson (BD)', id FROM manufacturer WHERE name_key = 'bd'
    UNION ALL
    SELECT 'bd medical', 'BD Medical', id FROM manufacturer WHERE name_key = 'bd'
    UNION ALL
    SELECT 'carefusion', 'CareFusion', id FROM manufacturer WHERE name_key = 'bd'
    UNION ALL
    SELECT 'alaris medical systems', 'Alaris Medical Systems', id FROM manufacturer WHERE name_key = 'bd'
    UNION ALL
    SELECT 'philips', 'Philips', id FROM manufacturer WHERE name_key = 'philips'
    UNION ALL
    SELECT 'philips healthcare', 'Philips Healthcare', id FROM manufacturer WHERE name_key = 'philips'
    UNION ALL
    SELECT 'philips medical systems', 'Philips Medical Systems', id FROM manufacturer WHERE name_key = 'philips'
    UNION ALL
    SELECT 'koninklijke philips n v', 'Koninklijke Philips N.V.', id FROM manufacturer WHERE name_key = 'philips'
    UNION ALL
    SELECT 'royal philips', 'Royal Philips', id FROM manufacturer WHERE name_key = 'philips'
    UNION ALL
    SELECT 'phillips', 'Phillips', id FROM manufacturer WHERE name_key = 'philips'
    UNION ALL
    SELECT 'phillips healthcare', 'Phillips Healthcare', id FROM manufacturer WHERE name_key = 'philips'
    UNION ALL
    SELECT 'philips electronics', 'Philips Electronics', id FROM manufacturer WHERE name_key = 'philips'
    UNION ALL
    SELECT 'ge healthcare', 'GE HealthCare', id FROM manufacturer WHERE name_key = 'ge healthcare'
    UNION ALL
    SELECT 'ge medical systems', 'GE Medical Systems', id FROM manufacturer WHERE name_key = 'ge healthcare'
    UNION ALL
    SELECT 'general electric', 'General Electric', id FROM manufacturer WHERE name_key = 'ge healthcare'
    UNION ALL
    SELECT 'ge', 'GE', id FROM manufacturer WHERE name_key = 'ge healthcare'
    UNION ALL
    SELECT 'ge healthcare technologies', 'GE Healthcare Technologies', id FROM manufacturer WHERE name_key = 'ge healthcare'
    UNION ALL
    SELECT 'datex ohmeda', 'Datex-Ohmeda', id FROM manufacturer WHERE name_key = 'ge healthcare'
    UNION ALL
    SELECT 'ge datex ohmeda', 'GE Datex-Ohmeda', id FROM manufacturer WHERE name_key = 'ge healthcare'
    UNION ALL
    SELECT 'siemens healthineers', 'Siemens Healthineers', id FROM manufacturer WHERE name_key = 'siemens healthineers'
    UNION ALL
    SELECT 'siemens', 'Siemens', id FROM manufacturer WHERE name_key = 'siemens healthineers'
    UNION ALL
    SELECT 'siemens healthcare', 'Siemens Healthcare', id FROM manufacturer WHERE name_key = 'siemens healthineers'
    UNION ALL
    SELECT 'siemens medical solutions', 'Siemens Medical Solutions', id FROM manufacturer WHERE name_key = 'siemens healthineers'
    UNION ALL
    SELECT 'siemens medical solutions usa', 'Siemens Medical Solutions USA', id FROM manufacturer WHERE name_key = 'siemens healthineers'
    UNION ALL
    SELECT 'baxter', 'Baxter', id FROM manufacturer WHERE name_key = 'baxter'
    UNION ALL
    SELECT 'baxter healthcare', 'Baxter Healthcare', id FROM manufacturer WHERE name_key = 'baxter'
    UNION ALL
    SELECT 'baxter international', 'Baxter International', id FROM manufacturer WHERE name_key = 'baxter'
    UNION ALL
    SELECT 'hillrom', 'Hillrom', id FROM manufacturer WHERE name_key = 'baxter'
    UNION ALL
    SELECT 'hill rom', 'Hill-Rom', id FROM manufacturer WHERE name_key = 'baxter'
    UNION ALL
    SELECT 'welch allyn', 'Welch Allyn', id FROM manufacturer WHERE name_key = 'baxter'
    UNION ALL
    SELECT 'breathe technologies', 'Breathe Technologies', id FROM manufacturer WHERE name_key = 'baxter'
    UNION ALL
    SELECT 'b braun', 'B. Braun', id FROM manufacturer WHERE name_key = 'b braun'
    UNION ALL
    SELECT 'b braun medical', 'B. Braun Medical', id FROM manufacturer WHERE name_key = 'b braun'
    UNION ALL
    SELECT 'b braun melsungen', 'B. Braun Melsungen', id FROM manufacturer WHERE name_key = 'b braun'
    UNION ALL
    SELECT 'bbraun', 'BBraun', id FROM manufacturer WHERE name_key = 'b braun'
    UNION ALL
    SELECT 'smiths medical', 'Smiths Medical', id FROM manufacturer WHERE name_key = 'smiths medical'
    UNION ALL
    SELECT 'smiths medical asd', 'Smiths Medical ASD', id FROM manufacturer WHERE name_key = 'smiths medical'
    UNION ALL
    SELECT 'smiths', 'Smiths', id FROM manufacturer WHERE name_key = 'smiths medical'
    UNION ALL
    SELECT 'icu medical', 'ICU Medical', id FROM manufacturer WHERE name_key = 'icu medical'
    UNION ALL
    SELECT 'hospira', 'Hospira', id FROM manufacturer WHERE name_key = 'hospira'
    UNION ALL
    SELECT 'medtronic', 'Medtronic', id FROM manufacturer WHERE name_key = 'medtronic'
    UNION ALL
    SELECT 'covidien', 'Covidien', id FROM manufacturer WHERE name_key = 'medtronic'
    UNION ALL
    SELECT 'puritan bennett', 'Puritan Bennett', id FROM manufacturer WHERE name_key = 'medtronic'
    UNION ALL
    SELECT 'drager', 'Dräger', id FROM manufacturer WHERE name_key = 'drager'
    UNION ALL
    SELECT 'draeger', 'Draeger', id FROM manufacturer WHERE name_key = 'drager'
    UNION ALL
    SELECT 'dragerwerk', 'Drägerwerk', id FROM manufacturer WHERE name_key = 'drager'
    UNION ALL
    SELECT 'draegerwerk', 'Draegerwerk', id FROM manufacturer WHERE name_key = 'drager'
    UNION ALL
    SELECT 'drager medical', 'Dräger Medical', id FROM manufacturer WHERE name_key = 'drager'
    UNION ALL
    SELECT 'draeger medical', 'Draeger Medical', id FROM manufacturer WHERE name_key = 'drager'
    UNION ALL
    SELECT 'contec', 'Contec', id FROM manufacturer WHERE name_key = 'contec'
    UNION ALL
    SELECT 'contec medical systems', 'Contec Medical Systems', id FROM manufacturer WHERE name_key = 'contec'
    UNION ALL
    SELECT 'contec health', 'Contec Health', id FROM manufacturer WHERE name_key = 'contec'
    UNION ALL
    SELECT 'mindray', 'Mindray', id FROM manufacturer WHERE name_key = 'mindray'
    UNION ALL
    SELECT 'shenzhen mindray', 'Shenzhen Mindray', id FROM manufacturer WHERE name_key = 'mindray'
    UNION ALL
    SELECT 'shenzhen mindray bio medical electronics', 'Shenzhen Mindray Bio-Medical Electronics', id FROM manufacturer WHERE name_key = 'mindray'
    UNION ALL
    SELECT 'mindray ds usa', 'Mindray DS USA', id FROM manufacturer WHERE name_key = 'mindray'
    UNION ALL
    SELECT 'mindray north america', 'Mindray North America', id FROM manufacturer WHERE name_key = 'mindray'
    UNION ALL
    SELECT 'nihon kohden', 'Nihon Kohden', id FROM manufacturer WHERE name_key = 'nihon kohden'
    UNION ALL
    SELECT 'nihon kohden america', 'Nihon Kohden America', id FROM manufacturer WHERE name_key = 'nihon kohden'
    UNION ALL
    SELECT 'hamilton medical', 'Hamilton Medical', id FROM manufacturer WHERE name_key = 'hamilton medical'
    UNION ALL
    SELECT 'hamilton', 'Hamilton', id FROM manufacturer WHERE name_key = 'hamilton medical'
    UNION ALL
    SELECT 'fresenius kabi', 'Fresenius Kabi', id FROM manufacturer WHERE name_key = 'fresenius kabi'
    UNION ALL
    SELECT 'fresenius medical care', 'Fresenius Medical Care', id FROM manufacturer WHERE name_key = 'fresenius medical care'
    UNION ALL
    SELECT 'canon medical systems', 'Canon Medical Systems', id FROM manufacturer WHERE name_key = 'canon medical systems'
    UNION ALL
    SELECT 'canon medical', 'Canon Medical', id FROM manufacturer WHERE name_key = 'canon medical systems'
    UNION ALL
    SELECT 'toshiba medical', 'Toshiba Medical', id FROM manufacturer WHERE name_key = 'canon medical systems'
    UNION ALL
    SELECT 'toshiba medical systems', 'Toshiba Medical Systems', id FROM manufacturer WHERE name_key = 'canon medical systems'
    UNION ALL
    SELECT 'toshiba america medical systems', 'Toshiba America Medical Systems', id FROM manufacturer WHERE name_key = 'canon medical systems'
    UNION ALL
    SELECT 'fujifilm', 'Fujifilm', id FROM manufacturer WHERE name_key = 'fujifilm'
    UNION ALL
    SELECT 'fujifilm healthcare', 'FUJIFILM Healthcare', id FROM manufacturer WHERE name_key = 'fujifilm'
    UNION ALL
    SELECT 'fujifilm medical systems', 'Fujifilm Medical Systems', id FROM manufacturer WHERE name_key = 'fujifilm'
    UNION ALL
    SELECT 'fujifilm medical systems usa', 'Fujifilm Medical Systems USA', id FROM manufacturer WHERE name_key = 'fujifilm'
    UNION ALL
    SELECT 'carestream', 'Carestream', id FROM manufacturer WHERE name_key = 'carestream'
    UNION ALL
    SELECT 'carestream health', 'Carestream Health', id FROM manufacturer WHERE name_key = 'carestream'
    UNION ALL
    SELECT 'hologic', 'Hologic', id FROM manufacturer WHERE name_key = 'hologic'
    UNION ALL
    SELECT 'masimo', 'Masimo', id FROM manufacturer WHERE name_key = 'masimo'
    UNION ALL
    SELECT 'zoll', 'ZOLL', id FROM manufacturer WHERE name_key = 'zoll'
    UNION ALL
    SELECT 'zoll medical', 'ZOLL Medical', id FROM manufacturer WHERE name_key = 'zoll'
    UNION ALL
    SELECT 'stryker', 'Stryker', id FROM manufacturer WHERE name_key = 'stryker'
    UNION ALL
    SELECT 'physio control', 'Physio-Control', id FROM manufacturer WHERE name_key = 'stryker'
    UNION ALL
    SELECT 'stryker emergency care', 'Stryker Emergency Care', id FROM manufacturer WHERE name_key = 'stryker'
    UNION ALL
    SELECT 'stryker medical', 'Stryker Medical', id FROM manufacturer WHERE name_key = 'stryker'
    UNION ALL
    SELECT 'spacelabs', 'Spacelabs', id FROM manufacturer WHERE name_key = 'spacelabs'
    UNION ALL
    SELECT 'spacelabs healthcare', 'Spacelabs Healthcare', id FROM manufacturer WHERE name_key = 'spacelabs'
    UNION ALL
    SELECT 'spacelabs medical', 'Spacelabs Medical', id FROM manufacturer WHERE name_key = 'spacelabs'
    UNION ALL
    SELECT 'abbott', 'Abbott', id FROM manufacturer WHERE name_key = 'abbott'
    UNION ALL
    SELECT 'abbott laboratories', 'Abbott Laboratories', id FROM manufacturer WHERE name_key = 'abbott'
    UNION ALL
    SELECT 'roche', 'Roche', id FROM manufacturer WHERE name_key = 'roche'
    UNION ALL
    SELECT 'roche diagnostics', 'Roche Diagnostics', id FROM manufacturer WHERE name_key = 'roche'
    UNION ALL
    SELECT 'beckman coulter', 'Beckman Coulter', id FROM manufacturer WHERE name_key = 'beckman coulter'
    UNION ALL
    SELECT 'sysmex', 'Sysmex', id FROM manufacturer WHERE name_key = 'sysmex'
    UNION ALL
    SELECT 'sysmex america', 'Sysmex America', id FROM manufacturer WHERE name_key = 'sysmex'
    UNION ALL
    SELECT 'olympus', 'Olympus', id FROM manufacturer WHERE name_key = 'olympus'
    UNION ALL
    SELECT 'olympus medical systems', 'Olympus Medical Systems', id FROM manufacturer WHERE name_key = 'olympus'
    UNION ALL
    SELECT 'karl storz', 'Karl Storz', id FROM manufacturer WHERE name_key = 'karl storz'
    UNION ALL
    SELECT 'natus', 'Natus', id FROM manufacturer WHERE name_key = 'natus'
    UNION ALL
    SELECT 'natus medical', 'Natus Medical', id FROM manufacturer WHERE name_key = 'natus'
    UNION ALL
    SELECT 'getinge', 'Getinge', id FROM manufacturer WHERE name_key = 'getinge'
    UNION ALL
    SELECT 'maquet', 'Maquet', id FROM manufacturer WHERE name_key = 'getinge'
    UNION ALL
    SELECT 'vyaire', 'Vyaire', id FROM manufacturer WHERE name_key = 'vyaire'
    UNION ALL
    SELECT 'vyaire medical', 'Vyaire Medical', id FROM manufacturer WHERE name_key = 'vyaire'
    UNION ALL
    SELECT 'hp', 'HP', id FROM manufacturer WHERE name_key = 'hp'
    UNION ALL
    SELECT 'hewlett packard', 'Hewlett-Packard', id FROM manufacturer WHERE name_key = 'hp'
    UNION ALL
    SELECT 'hp development', 'HP Development Company', id FROM manufacturer WHERE name_key = 'hp'
    UNION ALL
    SELECT 'dell', 'Dell', id FROM manufacturer WHERE name_key = 'dell'
    UNION ALL
    SELECT 'dell technologies', 'Dell Technologies', id FROM manufacturer WHERE name_key = 'dell';
