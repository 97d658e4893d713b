package org.jifen;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules depend on each other only through their APIs, one way, without cycles. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(JifenApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        MODULES.verify();
    }

    @Test
    void writes_module_documentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
