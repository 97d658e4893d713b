/**
 * Content: the articles, videos and courses of a program, their media in a storage port, and the reading and
 * watching that the server verifies from heartbeats before it emits learning events (LG-7.2.3, LG-7.2.4, LG-7.2.6)
 * to the points ledger; shares with public pages; offline certificate imports (LG-7.1); rejected heartbeats as
 * integrity signals (LG-13). Depends on {@code points}, {@code rulebook}, {@code account}, {@code org},
 * {@code audit} and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package org.jifen.content;
