/**
 * Excel and CSV plumbing shared by the modules: checking uploaded workbooks before anything reads them,
 * reading rows as a stream, and writing workbooks and CSV that no spreadsheet will execute.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package sunshine.transfer;
