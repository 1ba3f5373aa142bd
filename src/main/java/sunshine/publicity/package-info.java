/**
 * Publicity and openness (R27, R33-R35): published terms in versions with the rate table by credit grade, printed
 * posters and letters, each area's public page with its short link, the complaint log, and publicity activities.
 */
package sunshine.publicity;
