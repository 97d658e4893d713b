package org.jifen.account;

import org.jifen.shared.MobileNumber;

/**
 * An account to create. {@code password} null means the member was imported by an admin and activates the
 * account by signing up with the same mobile number and real name.
 */
public record NewAccount(MobileNumber mobile, String realName, String idNumber, String password) {}
