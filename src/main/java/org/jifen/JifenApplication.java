package org.jifen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Jifen: a platform on which organizations run learning-incentive programs from configuration. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class JifenApplication {

    public static void main(String[] args) {
        SpringApplication.run(JifenApplication.class, args);
    }
}
