/**
 * Reading and writing the spreadsheets that operators import and export (.xlsx, or .csv as Excel saves it): the
 * file checks every import shares (type, size, emptiness, header columns, row limit) as {@link
 * org.jifen.shared.web.Problem}s with stable {@code import.*} codes, and rows numbered as the spreadsheet numbers
 * them, so that each module reports its own row problems the same way.
 */
package org.jifen.shared.sheets;
