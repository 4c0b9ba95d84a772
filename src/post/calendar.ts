/** Days in a month of a year (month 1-12), leap years included: what both TOML parsers do not check. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
