/**
 * Approval (审批, issue 7, R26-R27): the bank's approval chain over the final pre-credit list, the public notice
 * per village with its objections, and the moment from which a household's limit may be granted.
 */
package sunshine.approval;
