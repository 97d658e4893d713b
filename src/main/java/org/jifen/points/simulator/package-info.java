/** The points simulator: the engine in memory, run from the command line before a rulebook change is activated. */
@org.springframework.modulith.NamedInterface("simulator")
package org.jifen.points.simulator;
