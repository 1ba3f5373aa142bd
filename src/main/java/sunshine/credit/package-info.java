/**
 * Credit (授信用信, issue 7 points 3-8, R15, R28-R29, R31-R33): grantable limits from approval, contracts with loan
 * certificates and revolving lines, draws and repayments, freezing and expiry, locked limits and their adjustments,
 * the archive checklist, annual reviews and the panels' incentives.
 */
package sunshine.credit;
