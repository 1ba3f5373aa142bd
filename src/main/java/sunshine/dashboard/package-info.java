/** Dashboards and extracts (issue 8, R9, R30): coverage, funnel, progress, the platform batch template, the CRM extract. */
package sunshine.dashboard;
