/**
 * Programs and their rulebooks: the points rules of a program as a versioned document (YAML in, JSON stored), its
 * validation with the path of every problem, effective dates and validity (LG-20), and the notice published when a
 * new version is activated (LG-18). Rule kinds are code ({@link org.jifen.rulebook.Award},
 * {@link org.jifen.rulebook.Limit}, {@link org.jifen.rulebook.Condition}); rule values are data. Depends on
 * {@code shared}, {@code org}, {@code account} and {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rulebooks")
package org.jifen.rulebook;
