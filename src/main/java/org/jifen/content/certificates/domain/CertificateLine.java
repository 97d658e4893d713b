package org.jifen.content.certificates.domain;

/** One data row of a certificate file as read, before any check; {@code row} as the spreadsheet numbers it. */
public record CertificateLine(int row, String mobile, String certificate, String date) {}
