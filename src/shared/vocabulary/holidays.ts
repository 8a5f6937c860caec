// Plain values of the holidays feature, without zod: the web app imports these, so its bundle carries no schema library.

export const COMING_HOLIDAYS_PATH = '/api/v1/profile/holidays';

export const HOLIDAY_PLACES_PATH = '/api/v1/profile/places';
