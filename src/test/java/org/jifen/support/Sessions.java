package org.jifen.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Logs in through the real login form and hands back the session, for MockMvc tests. */
public final class Sessions {

    private Sessions() {}

    public static MockHttpSession login(MockMvc mvc, String mobile) throws Exception {
        return login(mvc, mobile, Demo.PASSWORD);
    }

    public static MockHttpSession login(MockMvc mvc, String mobile, String password) throws Exception {
        var result = mvc.perform(
                        formLogin("/login").userParameter("mobile").user(mobile).password(password))
                .andReturn();
        if (!"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new IllegalStateException(
                    "login of " + mobile + " failed: " + result.getResponse().getRedirectedUrl());
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
