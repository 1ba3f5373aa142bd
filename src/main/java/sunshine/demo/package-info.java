/** The demo bank loaded on the first start: 章丘农商银行 on the real villages of 章丘区 (370114), and a second bank. */
package sunshine.demo;
