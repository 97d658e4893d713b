package org.jifen.account.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jifen.account.ApiClients;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code /api/**} requests that carry {@code X-Api-Key}; a wrong key is answered 401. */
@Component
class ApiKeyAuthentication extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiClients clients;

    ApiKeyAuthentication(ApiClients clients) {
        this.clients = clients;
    }

    static boolean carriesKey(HttpServletRequest request) {
        return request.getHeader(HEADER) != null
                && request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !carriesKey(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var client = clients.authenticate(request.getHeader(HEADER));
        if (client.isEmpty()) {
            response.setStatus(401);
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"https://jifen.org/problems/api-key.invalid\",\"title\":\"Unauthorized\","
                            + "\"status\":401,\"code\":\"api-key.invalid\",\"detail\":\"Unknown or revoked API key\"}");
            return;
        }
        var auth = new UsernamePasswordAuthenticationToken(
                client.get(), null, client.get().authorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        chain.doFilter(request, response);
    }
}
