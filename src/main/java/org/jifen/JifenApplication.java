package org.jifen;

import org.jifen.points.simulator.SimulateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Jifen: a platform on which organizations run learning-incentive programs from configuration. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class JifenApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "simulate".equals(args[0])) {
            // runs the points engine in memory: no database, no web server
            System.exit(SimulateCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(JifenApplication.class, args);
    }
}
