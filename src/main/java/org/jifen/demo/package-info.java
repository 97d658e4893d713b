/**
 * Demo data of a fresh install: three organization trees like the seed programs', a few hundred members and one
 * login per role, loaded on the first start only; and the start-up banner with the URL and the demo logins.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.jifen.demo;
