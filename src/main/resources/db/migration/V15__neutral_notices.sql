-- Customer notices never quote staff-only text: the resolution an SRE writes on a resource
-- trouble used to fill {reason} in the public OUTAGE_RESOLVED notice. The notice is now neutral;
-- the code no longer supplies {reason}.
update notice_template
set body = 'The fault ({trouble}) affecting your services {services} has been fixed. Please tell us if anything still does not work.'
where kind = 'OUTAGE_RESOLVED' and language = 'en';
update notice_template
set body = 'Die Störung ({trouble}) Ihrer Dienste {services} ist behoben. Bitte melden Sie sich, falls noch etwas nicht funktioniert.'
where kind = 'OUTAGE_RESOLVED' and language = 'de';
