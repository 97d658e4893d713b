package org.jifen.org.members.domain;

/**
 * One data row of a member import as the file holds it, every cell as text (blank cells as empty strings).
 *
 * @param row the spreadsheet's row number (the header is row 1)
 */
public record ImportRow(
        int row, String name, String mobile, String organization, String department, String role, String partyMember) {

    public ImportRow {
        name = clean(name);
        mobile = clean(mobile);
        organization = clean(organization);
        department = clean(department);
        role = clean(role);
        partyMember = clean(partyMember);
    }

    private static String clean(String cell) {
        return cell == null ? "" : cell.strip();
    }
}
