/** The append-only, hash-chained audit log: who changed what, when, before and after; and its verification. */
package sunshine.audit;
