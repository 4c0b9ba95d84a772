/** What an event page or API says about a meetup, as far as a report needs it. */
export interface EventTalk {
  title: string;
  speaker?: string;
  slides?: string;
}

export interface EventInfo {
  name?: string;
  url?: string;
  /** As the page writes it: `2019-11-01T19:00:00+09:00`, `2025-06-10T10:00:00.000Z`, `2019-11-01`... */
  startDate?: string;
  description?: string;
  hashtag?: string;
  /** The series or group (connpass). */
  series?: string;
  location?: string;
  organizer?: string;
  talks: EventTalk[];
  /** Where the information came from, for the message: "JSON-LD", "OpenGraph", "connpass API"... */
  source: string;
}
