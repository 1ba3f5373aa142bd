/** Rollout plans, working groups, review panels with their members and training (R1-R3, R12-R16). */
package sunshine.panel;
