/**
 * The tiny kernel every module may use: mobile numbers, masking of personal data, the injected clock, problem
 * details with stable error codes, and the embedded PostgreSQL of a fresh install. Depends on nothing else.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.jifen.shared;
