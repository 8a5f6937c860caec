/**
 * The other person's time zone: a suggestion from where they are (a city or a country with one zone),
 * and a clock time shown in a zone. Pure; used by the server and the web app.
 */

/** Places, lower case without accents, to their IANA zone. Countries listed only when they have one zone. */
const PLACES: Record<string, string> = {
  // Cities
  london: 'Europe/London', manchester: 'Europe/London', edinburgh: 'Europe/London', glasgow: 'Europe/London', birmingham: 'Europe/London', bristol: 'Europe/London', cambridge: 'Europe/London', oxford: 'Europe/London',
  dublin: 'Europe/Dublin', lisbon: 'Europe/Lisbon', porto: 'Europe/Lisbon', madrid: 'Europe/Madrid', barcelona: 'Europe/Madrid',
  paris: 'Europe/Paris', lyon: 'Europe/Paris', brussels: 'Europe/Brussels', amsterdam: 'Europe/Amsterdam', rotterdam: 'Europe/Amsterdam', luxembourg: 'Europe/Luxembourg',
  berlin: 'Europe/Berlin', munich: 'Europe/Berlin', munchen: 'Europe/Berlin', hamburg: 'Europe/Berlin', frankfurt: 'Europe/Berlin', cologne: 'Europe/Berlin', koln: 'Europe/Berlin', stuttgart: 'Europe/Berlin',
  zurich: 'Europe/Zurich', geneva: 'Europe/Zurich', basel: 'Europe/Zurich', vienna: 'Europe/Vienna', wien: 'Europe/Vienna', rome: 'Europe/Rome', milan: 'Europe/Rome',
  copenhagen: 'Europe/Copenhagen', stockholm: 'Europe/Stockholm', oslo: 'Europe/Oslo', helsinki: 'Europe/Helsinki', warsaw: 'Europe/Warsaw', krakow: 'Europe/Warsaw', prague: 'Europe/Prague', budapest: 'Europe/Budapest',
  athens: 'Europe/Athens', bucharest: 'Europe/Bucharest', sofia: 'Europe/Sofia', kyiv: 'Europe/Kyiv', kiev: 'Europe/Kyiv', istanbul: 'Europe/Istanbul', tallinn: 'Europe/Tallinn', riga: 'Europe/Riga', vilnius: 'Europe/Vilnius',
  'new york': 'America/New_York', nyc: 'America/New_York', boston: 'America/New_York', washington: 'America/New_York', philadelphia: 'America/New_York', atlanta: 'America/New_York', miami: 'America/New_York',
  toronto: 'America/Toronto', montreal: 'America/Toronto', ottawa: 'America/Toronto', vancouver: 'America/Vancouver', calgary: 'America/Edmonton', edmonton: 'America/Edmonton',
  chicago: 'America/Chicago', austin: 'America/Chicago', dallas: 'America/Chicago', houston: 'America/Chicago', denver: 'America/Denver', phoenix: 'America/Phoenix',
  'san francisco': 'America/Los_Angeles', 'los angeles': 'America/Los_Angeles', seattle: 'America/Los_Angeles', portland: 'America/Los_Angeles', 'san jose': 'America/Los_Angeles', 'palo alto': 'America/Los_Angeles',
  'mexico city': 'America/Mexico_City', 'sao paulo': 'America/Sao_Paulo', 'rio de janeiro': 'America/Sao_Paulo', 'buenos aires': 'America/Argentina/Buenos_Aires', santiago: 'America/Santiago', bogota: 'America/Bogota', lima: 'America/Lima',
  'tel aviv': 'Asia/Jerusalem', dubai: 'Asia/Dubai', 'abu dhabi': 'Asia/Dubai', riyadh: 'Asia/Riyadh', doha: 'Asia/Qatar', cairo: 'Africa/Cairo', lagos: 'Africa/Lagos', nairobi: 'Africa/Nairobi',
  johannesburg: 'Africa/Johannesburg', 'cape town': 'Africa/Johannesburg',
  bangalore: 'Asia/Kolkata', bengaluru: 'Asia/Kolkata', mumbai: 'Asia/Kolkata', delhi: 'Asia/Kolkata', 'new delhi': 'Asia/Kolkata', hyderabad: 'Asia/Kolkata', chennai: 'Asia/Kolkata', pune: 'Asia/Kolkata',
  karachi: 'Asia/Karachi', dhaka: 'Asia/Dhaka', singapore: 'Asia/Singapore', 'kuala lumpur': 'Asia/Kuala_Lumpur', jakarta: 'Asia/Jakarta', bangkok: 'Asia/Bangkok', manila: 'Asia/Manila',
  'hong kong': 'Asia/Hong_Kong', shanghai: 'Asia/Shanghai', beijing: 'Asia/Shanghai', shenzhen: 'Asia/Shanghai', taipei: 'Asia/Taipei', seoul: 'Asia/Seoul', tokyo: 'Asia/Tokyo', osaka: 'Asia/Tokyo',
  sydney: 'Australia/Sydney', melbourne: 'Australia/Melbourne', brisbane: 'Australia/Brisbane', perth: 'Australia/Perth', adelaide: 'Australia/Adelaide', auckland: 'Pacific/Auckland', wellington: 'Pacific/Auckland',
  // Countries with a single zone
  'united kingdom': 'Europe/London', uk: 'Europe/London', england: 'Europe/London', scotland: 'Europe/London', wales: 'Europe/London', 'great britain': 'Europe/London',
  ireland: 'Europe/Dublin', france: 'Europe/Paris', germany: 'Europe/Berlin', deutschland: 'Europe/Berlin', netherlands: 'Europe/Amsterdam', 'the netherlands': 'Europe/Amsterdam', belgium: 'Europe/Brussels',
  switzerland: 'Europe/Zurich', austria: 'Europe/Vienna', italy: 'Europe/Rome', denmark: 'Europe/Copenhagen', sweden: 'Europe/Stockholm', norway: 'Europe/Oslo', finland: 'Europe/Helsinki',
  poland: 'Europe/Warsaw', 'czech republic': 'Europe/Prague', czechia: 'Europe/Prague', hungary: 'Europe/Budapest', greece: 'Europe/Athens', romania: 'Europe/Bucharest', bulgaria: 'Europe/Sofia',
  ukraine: 'Europe/Kyiv', turkey: 'Europe/Istanbul', estonia: 'Europe/Tallinn', latvia: 'Europe/Riga', lithuania: 'Europe/Vilnius',
  israel: 'Asia/Jerusalem', uae: 'Asia/Dubai', 'united arab emirates': 'Asia/Dubai', 'saudi arabia': 'Asia/Riyadh', qatar: 'Asia/Qatar', egypt: 'Africa/Cairo', nigeria: 'Africa/Lagos', kenya: 'Africa/Nairobi',
  'south africa': 'Africa/Johannesburg', india: 'Asia/Kolkata', pakistan: 'Asia/Karachi', bangladesh: 'Asia/Dhaka', 'sri lanka': 'Asia/Colombo', nepal: 'Asia/Kathmandu',
  malaysia: 'Asia/Kuala_Lumpur', thailand: 'Asia/Bangkok', vietnam: 'Asia/Ho_Chi_Minh', philippines: 'Asia/Manila', china: 'Asia/Shanghai', taiwan: 'Asia/Taipei', japan: 'Asia/Tokyo',
  'south korea': 'Asia/Seoul', korea: 'Asia/Seoul', 'new zealand': 'Pacific/Auckland', colombia: 'America/Bogota', peru: 'America/Lima', argentina: 'America/Argentina/Buenos_Aires',
};

/** Canadian provinces and US states that sit in one zone, used after a city the table does not know ("Halifax, NS"). */
const REGIONS: Record<string, string> = {
  on: 'America/Toronto', ontario: 'America/Toronto', qc: 'America/Toronto', quebec: 'America/Toronto', bc: 'America/Vancouver', 'british columbia': 'America/Vancouver', ab: 'America/Edmonton', alberta: 'America/Edmonton',
  ns: 'America/Halifax', 'nova scotia': 'America/Halifax', mb: 'America/Winnipeg', manitoba: 'America/Winnipeg',
  ny: 'America/New_York', ma: 'America/New_York', nj: 'America/New_York', pa: 'America/New_York', ga: 'America/New_York', nc: 'America/New_York', va: 'America/New_York', dc: 'America/New_York',
  ca: 'America/Los_Angeles', california: 'America/Los_Angeles', wa: 'America/Los_Angeles', washington: 'America/Los_Angeles', or: 'America/Los_Angeles', oregon: 'America/Los_Angeles',
  il: 'America/Chicago', illinois: 'America/Chicago', co: 'America/Denver', colorado: 'America/Denver', az: 'America/Phoenix', arizona: 'America/Phoenix',
};

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A likely IANA zone for a place ("London", "Berlin, Germany", "Toronto, ON", "Bangalore"), or null when
 * the place is unknown or its country spans several zones ("United States", "Canada"). The most
 * specific part wins: the city first, then a region after it, then the country.
 */
export function suggestTimeZone(location: string | null | undefined): string | null {
  if (!location) return null;
  const parts = normalise(location)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const [first, ...rest] = parts;
  const city = PLACES[first!];
  if (city) return city;
  for (const part of rest) {
    const found = REGIONS[part] ?? PLACES[part];
    if (found) return found;
  }
  return null;
}

/** The clock time ("15:30") of an instant in a zone. */
export function clockIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** Day and clock time ("Fri 20 Mar, 15:30") of an instant in a zone. */
export function dayAndClockIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
