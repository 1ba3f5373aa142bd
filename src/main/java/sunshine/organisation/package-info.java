/** Organisation: banks, the branch tree, staff with roles, and the areas each branch serves (R1-R2). */
package sunshine.organisation;
