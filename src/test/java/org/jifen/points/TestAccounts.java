package org.jifen.points;

import java.util.concurrent.atomic.AtomicInteger;
import org.jifen.account.Accounts;
import org.jifen.account.NewAccount;
import org.jifen.shared.MobileNumber;

/** Fresh learner accounts for points tests, so that no test sees another's points. */
public final class TestAccounts {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestAccounts() {}

    /** A new active account; returns its id. Its mobile number is {@link #mobile(long)}. */
    public static long learner(Accounts accounts) {
        var mobile = "1970000" + String.format("%04d", NEXT.incrementAndGet());
        return accounts.createActive(
                new NewAccount(MobileNumber.parse(mobile).orElseThrow(), "积分测试", null, "Jifen@2026"));
    }

    public static String mobile(Accounts accounts, long id) {
        return accounts.find(id).orElseThrow().mobile();
    }
}
