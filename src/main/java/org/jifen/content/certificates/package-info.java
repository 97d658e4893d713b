/**
 * Offline training certificates (LG-7.1): an operator imports a sheet of (mobile, certificate code, date); every
 * row is checked first, and each good row becomes one {@code certificate} learning event with {@code
 * channel=offline} whose id makes a re-import count nothing twice. The points engine decides what it earns (the
 * offline and online "General Knowledge" certificates are one of the two, LG-7.2.2).
 */
package org.jifen.content.certificates;
