/**
 * The working-day calendar of mainland China (CAL): weekends, public holidays and make-up working days (调休),
 * stored year by year, seeded from tyme4j on the first start and maintained by the system admin (the State
 * Council publishes the next year's dates each November). Other modules ask {@link org.jifen.calendar.WorkingDays}
 * whether a date is a working day, which date lies n working days away, and how many working days a range holds.
 * Every edit is audited. Depends on {@code audit} and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package org.jifen.calendar;
