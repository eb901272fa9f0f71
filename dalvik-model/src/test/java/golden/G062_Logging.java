package golden;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * java.util.logging as guest code uses it (per VM under comet): the logger hierarchy by dotted
 * names (re-parenting when a logger in between appears), levels and their inheritance, a handler
 * on System.out with the format taken from the system property, parameters, useParentHandlers,
 * the global and anonymous loggers.
 */
public class G062_Logging {
    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%n");
        Logger parent = Logger.getLogger("g062");
        Logger child = Logger.getLogger("g062.child.leaf");
        System.out.println(child.getParent().getName() + " " + parent.getParent().getName().isEmpty() + " "
                + (Logger.getLogger("") == parent.getParent()) + " " + (Logger.getLogger("g062") == parent));
        Logger middle = Logger.getLogger("g062.child");
        System.out.println("reparented: " + child.getParent().getName() + " " + middle.getParent().getName());
        System.out.println("levels: " + parent.getLevel() + " " + child.getLevel() + " " + Logger.getLogger("").getLevel() + " "
                + child.isLoggable(Level.INFO) + " " + child.isLoggable(Level.FINE));
        parent.setLevel(Level.FINE);
        System.out.println("inherited: " + child.isLoggable(Level.FINE) + " " + child.isLoggable(Level.FINER) + " " + child.getLevel());
        middle.setLevel(Level.WARNING);
        System.out.println("nearer: " + child.isLoggable(Level.INFO) + " " + child.isLoggable(Level.WARNING));

        StreamHandler h = new StreamHandler(System.out, new SimpleFormatter());
        h.setLevel(Level.ALL);
        parent.addHandler(h);
        parent.setUseParentHandlers(false);
        parent.fine("fine on parent");
        child.warning("warning on leaf");
        child.info("info on leaf, below WARNING");
        parent.log(Level.INFO, "with {0} and {1}", new Object[] {"params", 42});
        parent.log(Level.FINEST, "below FINE");
        h.flush();
        System.out.println("handlers: " + parent.getHandlers().length + " " + Logger.getLogger("g062").getHandlers().length + " "
                + parent.getUseParentHandlers() + " " + middle.getHandlers().length);
        parent.removeHandler(h);

        Logger global = Logger.getGlobal();
        System.out.println("global: " + global.getName() + " " + (global == Logger.getLogger("global")) + " "
                + (global.getParent() == Logger.getLogger("")));
        Logger anon = Logger.getAnonymousLogger();
        System.out.println("anonymous: " + anon.getName() + " " + (anon.getParent() == Logger.getLogger("")) + " "
                + (anon != Logger.getAnonymousLogger()));
    }
}
