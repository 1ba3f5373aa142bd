/** Filing (建档): customers, households, exclusions, documents, search and bulk import (R4-R11). */
package sunshine.customer;
