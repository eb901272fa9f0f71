package org.cometsim.dalvik.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * The audit of JVM-global setters reachable from guest code through the host bridge (every public
 * {@code java.*}/{@code javax.*} class of the JDK's {@code java.*} modules). Two VMs share one
 * JVM, so a guest call that changes JVM-wide state would change the other endpoint's world and the
 * host's; each such method is either made per VM or refused with the unsupported-API error.
 *
 * <p>The table lists every public static method whose name starts with set, add, remove,
 * register, deregister, unregister, reset, clear, install, load, insert, flush, put, enable,
 * disable, refresh or update in a public class of an exported package of a {@code java.*} module
 * of JDK 17 ({@code WorldAuditTest} re-derives that list from the run-time image and fails when
 * an entry is missing or stale), plus the instance methods and getters of JVM-global objects found
 * by reading the rest of the API ({@code REFUSED_INSTANCE}, and {@code System.getLogger},
 * {@code LogManager.getLogManager}). Verdicts:
 * <ul>
 *   <li>{@code PER_VM}: the VM implements it on its own state ({@link org.cometsim.dalvik.rt.VmWorld}, the {@code Thread}
 *       model class, {@link GuestResources}, the guest library's {@code ServiceLoader});</li>
 *   <li>{@code REFUSED} / {@code REFUSED_INSTANCE}: the host bridge will not bind them
 *       ({@link #refusal}): the call stops with {@code unsupported API: ... (<reason>)}, instance
 *       methods on subclasses too;</li>
 *   <li>{@code HARMLESS}: no JVM-wide state (pure functions, methods acting on their arguments,
 *       file metadata, which is client-pinned I/O on the device, not JVM state).</li>
 * </ul>
 * The table is a constant of the class library, the same for every VM.
 */
public final class GlobalSetters {
    private GlobalSetters() {
    }

    /** How the VM treats one JVM-global setter. */
    public enum Verdict { PER_VM, REFUSED, REFUSED_INSTANCE, HARMLESS }

    /** One audited method. */
    public record Entry(Verdict verdict, String owner, String name, String desc) {
        public String key() {
            return owner + "." + name + desc;
        }
    }

    private static final String TABLE = """
            REFUSED java.io.ObjectInputFilter$Config setSerialFilter (Ljava/io/ObjectInputFilter;)V
            REFUSED java.io.ObjectInputFilter$Config setSerialFilterFactory (Ljava/util/function/BinaryOperator;)V
            HARMLESS java.lang.Compiler disable ()V
            HARMLESS java.lang.Compiler enable ()V
            HARMLESS java.lang.Math addExact (II)I
            HARMLESS java.lang.Math addExact (JJ)J
            HARMLESS java.lang.StrictMath addExact (II)I
            HARMLESS java.lang.StrictMath addExact (JJ)J
            PER_VM java.lang.System clearProperty (Ljava/lang/String;)Ljava/lang/String;
            REFUSED java.lang.System load (Ljava/lang/String;)V
            REFUSED java.lang.System loadLibrary (Ljava/lang/String;)V
            PER_VM java.lang.System setErr (Ljava/io/PrintStream;)V
            PER_VM java.lang.System setIn (Ljava/io/InputStream;)V
            PER_VM java.lang.System setOut (Ljava/io/PrintStream;)V
            PER_VM java.lang.System setProperties (Ljava/util/Properties;)V
            PER_VM java.lang.System setProperty (Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;
            REFUSED java.lang.System setSecurityManager (Ljava/lang/SecurityManager;)V
            PER_VM java.lang.Thread setDefaultUncaughtExceptionHandler (Ljava/lang/Thread$UncaughtExceptionHandler;)V
            HARMLESS java.lang.invoke.MethodHandles insertArguments (Ljava/lang/invoke/MethodHandle;I[Ljava/lang/Object;)Ljava/lang/invoke/MethodHandle;
            HARMLESS java.lang.invoke.VarHandle loadLoadFence ()V
            HARMLESS java.lang.reflect.AccessibleObject setAccessible ([Ljava/lang/reflect/AccessibleObject;Z)V
            HARMLESS java.lang.reflect.Array set (Ljava/lang/Object;ILjava/lang/Object;)V
            HARMLESS java.lang.reflect.Array setBoolean (Ljava/lang/Object;IZ)V
            HARMLESS java.lang.reflect.Array setByte (Ljava/lang/Object;IB)V
            HARMLESS java.lang.reflect.Array setChar (Ljava/lang/Object;IC)V
            HARMLESS java.lang.reflect.Array setDouble (Ljava/lang/Object;ID)V
            HARMLESS java.lang.reflect.Array setFloat (Ljava/lang/Object;IF)V
            HARMLESS java.lang.reflect.Array setInt (Ljava/lang/Object;II)V
            HARMLESS java.lang.reflect.Array setLong (Ljava/lang/Object;IJ)V
            HARMLESS java.lang.reflect.Array setShort (Ljava/lang/Object;IS)V
            REFUSED java.net.Authenticator setDefault (Ljava/net/Authenticator;)V
            REFUSED java.net.CookieHandler setDefault (Ljava/net/CookieHandler;)V
            REFUSED java.net.DatagramSocket setDatagramSocketImplFactory (Ljava/net/DatagramSocketImplFactory;)V
            REFUSED java.net.HttpURLConnection setFollowRedirects (Z)V
            REFUSED java.net.ProxySelector setDefault (Ljava/net/ProxySelector;)V
            REFUSED java.net.ResponseCache setDefault (Ljava/net/ResponseCache;)V
            REFUSED java.net.ServerSocket setSocketFactory (Ljava/net/SocketImplFactory;)V
            REFUSED java.net.Socket setSocketImplFactory (Ljava/net/SocketImplFactory;)V
            REFUSED java.net.URL setURLStreamHandlerFactory (Ljava/net/URLStreamHandlerFactory;)V
            REFUSED java.net.URLConnection setContentHandlerFactory (Ljava/net/ContentHandlerFactory;)V
            REFUSED java.net.URLConnection setDefaultAllowUserInteraction (Z)V
            REFUSED java.net.URLConnection setDefaultRequestProperty (Ljava/lang/String;Ljava/lang/String;)V
            REFUSED java.net.URLConnection setDefaultUseCaches (Ljava/lang/String;Z)V
            REFUSED java.net.URLConnection setFileNameMap (Ljava/net/FileNameMap;)V
            HARMLESS java.nio.file.Files setAttribute (Ljava/nio/file/Path;Ljava/lang/String;Ljava/lang/Object;[Ljava/nio/file/LinkOption;)Ljava/nio/file/Path;
            HARMLESS java.nio.file.Files setLastModifiedTime (Ljava/nio/file/Path;Ljava/nio/file/attribute/FileTime;)Ljava/nio/file/Path;
            HARMLESS java.nio.file.Files setOwner (Ljava/nio/file/Path;Ljava/nio/file/attribute/UserPrincipal;)Ljava/nio/file/Path;
            HARMLESS java.nio.file.Files setPosixFilePermissions (Ljava/nio/file/Path;Ljava/util/Set;)Ljava/nio/file/Path;
            HARMLESS java.nio.file.spi.FileSystemProvider installedProviders ()Ljava/util/List;
            REFUSED java.security.Policy setPolicy (Ljava/security/Policy;)V
            REFUSED java.security.Security addProvider (Ljava/security/Provider;)I
            REFUSED java.security.Security insertProviderAt (Ljava/security/Provider;I)I
            REFUSED java.security.Security removeProvider (Ljava/lang/String;)V
            REFUSED java.security.Security setProperty (Ljava/lang/String;Ljava/lang/String;)V
            REFUSED java.time.zone.ZoneRulesProvider refresh ()Z
            REFUSED java.time.zone.ZoneRulesProvider registerProvider (Ljava/time/zone/ZoneRulesProvider;)V
            HARMLESS java.util.Arrays setAll ([DLjava/util/function/IntToDoubleFunction;)V
            HARMLESS java.util.Arrays setAll ([ILjava/util/function/IntUnaryOperator;)V
            HARMLESS java.util.Arrays setAll ([JLjava/util/function/IntToLongFunction;)V
            HARMLESS java.util.Arrays setAll ([Ljava/lang/Object;Ljava/util/function/IntFunction;)V
            HARMLESS java.util.Collections addAll (Ljava/util/Collection;[Ljava/lang/Object;)Z
            PER_VM java.util.Locale setDefault (Ljava/util/Locale$Category;Ljava/util/Locale;)V
            PER_VM java.util.Locale setDefault (Ljava/util/Locale;)V
            PER_VM java.util.ResourceBundle clearCache ()V
            HARMLESS java.util.ResourceBundle clearCache (Ljava/lang/ClassLoader;)V
            PER_VM java.util.ServiceLoader load (Ljava/lang/Class;)Ljava/util/ServiceLoader;
            PER_VM java.util.ServiceLoader load (Ljava/lang/Class;Ljava/lang/ClassLoader;)Ljava/util/ServiceLoader;
            PER_VM java.util.ServiceLoader load (Ljava/lang/ModuleLayer;Ljava/lang/Class;)Ljava/util/ServiceLoader;
            PER_VM java.util.ServiceLoader loadInstalled (Ljava/lang/Class;)Ljava/util/ServiceLoader;
            PER_VM java.util.TimeZone setDefault (Ljava/util/TimeZone;)V
            HARMLESS java.util.concurrent.locks.LockSupport setCurrentBlocker (Ljava/lang/Object;)V
            REFUSED javax.net.ssl.HttpsURLConnection setDefaultHostnameVerifier (Ljavax/net/ssl/HostnameVerifier;)V
            REFUSED javax.net.ssl.HttpsURLConnection setDefaultSSLSocketFactory (Ljavax/net/ssl/SSLSocketFactory;)V
            REFUSED javax.net.ssl.SSLContext setDefault (Ljavax/net/ssl/SSLContext;)V
            REFUSED javax.security.auth.login.Configuration setConfiguration (Ljavax/security/auth/login/Configuration;)V
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/ActionListener;Ljava/awt/event/ActionListener;)Ljava/awt/event/ActionListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/AdjustmentListener;Ljava/awt/event/AdjustmentListener;)Ljava/awt/event/AdjustmentListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/ComponentListener;Ljava/awt/event/ComponentListener;)Ljava/awt/event/ComponentListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/ContainerListener;Ljava/awt/event/ContainerListener;)Ljava/awt/event/ContainerListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/FocusListener;Ljava/awt/event/FocusListener;)Ljava/awt/event/FocusListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/HierarchyBoundsListener;Ljava/awt/event/HierarchyBoundsListener;)Ljava/awt/event/HierarchyBoundsListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/HierarchyListener;Ljava/awt/event/HierarchyListener;)Ljava/awt/event/HierarchyListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/InputMethodListener;Ljava/awt/event/InputMethodListener;)Ljava/awt/event/InputMethodListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/ItemListener;Ljava/awt/event/ItemListener;)Ljava/awt/event/ItemListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/KeyListener;Ljava/awt/event/KeyListener;)Ljava/awt/event/KeyListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/MouseListener;Ljava/awt/event/MouseListener;)Ljava/awt/event/MouseListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/MouseMotionListener;Ljava/awt/event/MouseMotionListener;)Ljava/awt/event/MouseMotionListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/MouseWheelListener;Ljava/awt/event/MouseWheelListener;)Ljava/awt/event/MouseWheelListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/TextListener;Ljava/awt/event/TextListener;)Ljava/awt/event/TextListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/WindowFocusListener;Ljava/awt/event/WindowFocusListener;)Ljava/awt/event/WindowFocusListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/WindowListener;Ljava/awt/event/WindowListener;)Ljava/awt/event/WindowListener;
            HARMLESS java.awt.AWTEventMulticaster add (Ljava/awt/event/WindowStateListener;Ljava/awt/event/WindowStateListener;)Ljava/awt/event/WindowStateListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/ActionListener;Ljava/awt/event/ActionListener;)Ljava/awt/event/ActionListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/AdjustmentListener;Ljava/awt/event/AdjustmentListener;)Ljava/awt/event/AdjustmentListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/ComponentListener;Ljava/awt/event/ComponentListener;)Ljava/awt/event/ComponentListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/ContainerListener;Ljava/awt/event/ContainerListener;)Ljava/awt/event/ContainerListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/FocusListener;Ljava/awt/event/FocusListener;)Ljava/awt/event/FocusListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/HierarchyBoundsListener;Ljava/awt/event/HierarchyBoundsListener;)Ljava/awt/event/HierarchyBoundsListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/HierarchyListener;Ljava/awt/event/HierarchyListener;)Ljava/awt/event/HierarchyListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/InputMethodListener;Ljava/awt/event/InputMethodListener;)Ljava/awt/event/InputMethodListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/ItemListener;Ljava/awt/event/ItemListener;)Ljava/awt/event/ItemListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/KeyListener;Ljava/awt/event/KeyListener;)Ljava/awt/event/KeyListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/MouseListener;Ljava/awt/event/MouseListener;)Ljava/awt/event/MouseListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/MouseMotionListener;Ljava/awt/event/MouseMotionListener;)Ljava/awt/event/MouseMotionListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/MouseWheelListener;Ljava/awt/event/MouseWheelListener;)Ljava/awt/event/MouseWheelListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/TextListener;Ljava/awt/event/TextListener;)Ljava/awt/event/TextListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/WindowFocusListener;Ljava/awt/event/WindowFocusListener;)Ljava/awt/event/WindowFocusListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/WindowListener;Ljava/awt/event/WindowListener;)Ljava/awt/event/WindowListener;
            HARMLESS java.awt.AWTEventMulticaster remove (Ljava/awt/event/WindowStateListener;Ljava/awt/event/WindowStateListener;)Ljava/awt/event/WindowStateListener;
            REFUSED java.awt.KeyboardFocusManager setCurrentKeyboardFocusManager (Ljava/awt/KeyboardFocusManager;)V
            REFUSED java.beans.Beans setDesignTime (Z)V
            REFUSED java.beans.Beans setGuiAvailable (Z)V
            REFUSED java.beans.Introspector flushCaches ()V
            REFUSED java.beans.Introspector flushFromCaches (Ljava/lang/Class;)V
            REFUSED java.beans.Introspector setBeanInfoSearchPath ([Ljava/lang/String;)V
            REFUSED java.beans.PropertyEditorManager registerEditor (Ljava/lang/Class;Ljava/lang/Class;)V
            REFUSED java.beans.PropertyEditorManager setEditorSearchPath ([Ljava/lang/String;)V
            REFUSED javax.imageio.ImageIO setCacheDirectory (Ljava/io/File;)V
            REFUSED javax.imageio.ImageIO setUseCache (Z)V
            REFUSED javax.print.PrintServiceLookup registerService (Ljavax/print/PrintService;)Z
            REFUSED javax.print.PrintServiceLookup registerServiceProvider (Ljavax/print/PrintServiceLookup;)Z
            REFUSED javax.swing.DebugGraphics setFlashColor (Ljava/awt/Color;)V
            REFUSED javax.swing.DebugGraphics setFlashCount (I)V
            REFUSED javax.swing.DebugGraphics setFlashTime (I)V
            REFUSED javax.swing.DebugGraphics setLogStream (Ljava/io/PrintStream;)V
            REFUSED javax.swing.FocusManager disableSwingFocusManager ()V
            REFUSED javax.swing.FocusManager setCurrentManager (Ljavax/swing/FocusManager;)V
            REFUSED javax.swing.JComponent setDefaultLocale (Ljava/util/Locale;)V
            REFUSED javax.swing.JDialog setDefaultLookAndFeelDecorated (Z)V
            REFUSED javax.swing.JEditorPane registerEditorKitForContentType (Ljava/lang/String;Ljava/lang/String;)V
            REFUSED javax.swing.JEditorPane registerEditorKitForContentType (Ljava/lang/String;Ljava/lang/String;Ljava/lang/ClassLoader;)V
            REFUSED javax.swing.JFrame setDefaultLookAndFeelDecorated (Z)V
            HARMLESS javax.swing.JLayeredPane putLayer (Ljavax/swing/JComponent;I)V
            REFUSED javax.swing.JOptionPane setRootFrame (Ljava/awt/Frame;)V
            REFUSED javax.swing.JPopupMenu setDefaultLightWeightPopupEnabled (Z)V
            REFUSED javax.swing.LayoutStyle setInstance (Ljavax/swing/LayoutStyle;)V
            HARMLESS javax.swing.LookAndFeel installBorder (Ljavax/swing/JComponent;Ljava/lang/String;)V
            HARMLESS javax.swing.LookAndFeel installColors (Ljavax/swing/JComponent;Ljava/lang/String;Ljava/lang/String;)V
            HARMLESS javax.swing.LookAndFeel installColorsAndFont (Ljavax/swing/JComponent;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V
            HARMLESS javax.swing.LookAndFeel installProperty (Ljavax/swing/JComponent;Ljava/lang/String;Ljava/lang/Object;)V
            HARMLESS javax.swing.LookAndFeel loadKeyBindings (Ljavax/swing/InputMap;[Ljava/lang/Object;)V
            REFUSED javax.swing.PopupFactory setSharedInstance (Ljavax/swing/PopupFactory;)V
            REFUSED javax.swing.RepaintManager setCurrentManager (Ljavax/swing/RepaintManager;)V
            HARMLESS javax.swing.SwingUtilities updateComponentTreeUI (Ljava/awt/Component;)V
            REFUSED javax.swing.Timer setLogTimers (Z)V
            REFUSED javax.swing.UIManager addAuxiliaryLookAndFeel (Ljavax/swing/LookAndFeel;)V
            REFUSED javax.swing.UIManager addPropertyChangeListener (Ljava/beans/PropertyChangeListener;)V
            REFUSED javax.swing.UIManager installLookAndFeel (Ljava/lang/String;Ljava/lang/String;)V
            REFUSED javax.swing.UIManager installLookAndFeel (Ljavax/swing/UIManager$LookAndFeelInfo;)V
            REFUSED javax.swing.UIManager put (Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;
            REFUSED javax.swing.UIManager removeAuxiliaryLookAndFeel (Ljavax/swing/LookAndFeel;)Z
            REFUSED javax.swing.UIManager removePropertyChangeListener (Ljava/beans/PropertyChangeListener;)V
            REFUSED javax.swing.UIManager setInstalledLookAndFeels ([Ljavax/swing/UIManager$LookAndFeelInfo;)V
            REFUSED javax.swing.UIManager setLookAndFeel (Ljava/lang/String;)V
            REFUSED javax.swing.UIManager setLookAndFeel (Ljavax/swing/LookAndFeel;)V
            HARMLESS javax.swing.plaf.basic.BasicHTML updateRenderer (Ljavax/swing/JComponent;Ljava/lang/String;)V
            REFUSED javax.swing.plaf.metal.MetalLookAndFeel setCurrentTheme (Ljavax/swing/plaf/metal/MetalTheme;)V
            REFUSED javax.swing.plaf.synth.SynthLookAndFeel setStyleFactory (Ljavax/swing/plaf/synth/SynthStyleFactory;)V
            HARMLESS javax.swing.plaf.synth.SynthLookAndFeel updateStyles (Ljava/awt/Component;)V
            REFUSED javax.swing.text.JTextComponent addKeymap (Ljava/lang/String;Ljavax/swing/text/Keymap;)Ljavax/swing/text/Keymap;
            HARMLESS javax.swing.text.JTextComponent loadKeymap (Ljavax/swing/text/Keymap;[Ljavax/swing/text/JTextComponent$KeyBinding;[Ljavax/swing/Action;)V
            REFUSED javax.swing.text.JTextComponent removeKeymap (Ljava/lang/String;)Ljavax/swing/text/Keymap;
            REFUSED javax.swing.text.LayoutQueue setDefaultQueue (Ljavax/swing/text/LayoutQueue;)V
            HARMLESS javax.swing.text.StyleConstants setAlignment (Ljavax/swing/text/MutableAttributeSet;I)V
            HARMLESS javax.swing.text.StyleConstants setBackground (Ljavax/swing/text/MutableAttributeSet;Ljava/awt/Color;)V
            HARMLESS javax.swing.text.StyleConstants setBidiLevel (Ljavax/swing/text/MutableAttributeSet;I)V
            HARMLESS javax.swing.text.StyleConstants setBold (Ljavax/swing/text/MutableAttributeSet;Z)V
            HARMLESS javax.swing.text.StyleConstants setComponent (Ljavax/swing/text/MutableAttributeSet;Ljava/awt/Component;)V
            HARMLESS javax.swing.text.StyleConstants setFirstLineIndent (Ljavax/swing/text/MutableAttributeSet;F)V
            HARMLESS javax.swing.text.StyleConstants setFontFamily (Ljavax/swing/text/MutableAttributeSet;Ljava/lang/String;)V
            HARMLESS javax.swing.text.StyleConstants setFontSize (Ljavax/swing/text/MutableAttributeSet;I)V
            HARMLESS javax.swing.text.StyleConstants setForeground (Ljavax/swing/text/MutableAttributeSet;Ljava/awt/Color;)V
            HARMLESS javax.swing.text.StyleConstants setIcon (Ljavax/swing/text/MutableAttributeSet;Ljavax/swing/Icon;)V
            HARMLESS javax.swing.text.StyleConstants setItalic (Ljavax/swing/text/MutableAttributeSet;Z)V
            HARMLESS javax.swing.text.StyleConstants setLeftIndent (Ljavax/swing/text/MutableAttributeSet;F)V
            HARMLESS javax.swing.text.StyleConstants setLineSpacing (Ljavax/swing/text/MutableAttributeSet;F)V
            HARMLESS javax.swing.text.StyleConstants setRightIndent (Ljavax/swing/text/MutableAttributeSet;F)V
            HARMLESS javax.swing.text.StyleConstants setSpaceAbove (Ljavax/swing/text/MutableAttributeSet;F)V
            HARMLESS javax.swing.text.StyleConstants setSpaceBelow (Ljavax/swing/text/MutableAttributeSet;F)V
            HARMLESS javax.swing.text.StyleConstants setStrikeThrough (Ljavax/swing/text/MutableAttributeSet;Z)V
            HARMLESS javax.swing.text.StyleConstants setSubscript (Ljavax/swing/text/MutableAttributeSet;Z)V
            HARMLESS javax.swing.text.StyleConstants setSuperscript (Ljavax/swing/text/MutableAttributeSet;Z)V
            HARMLESS javax.swing.text.StyleConstants setTabSet (Ljavax/swing/text/MutableAttributeSet;Ljavax/swing/text/TabSet;)V
            HARMLESS javax.swing.text.StyleConstants setUnderline (Ljavax/swing/text/MutableAttributeSet;Z)V
            REFUSED javax.swing.text.StyleContext registerStaticAttributeKey (Ljava/lang/Object;)V
            REFUSED javax.swing.text.html.parser.DTD putDTDHash (Ljava/lang/String;Ljavax/swing/text/html/parser/DTD;)V
            HARMLESS javax.management.DefaultLoaderRepository loadClass (Ljava/lang/String;)Ljava/lang/Class;
            HARMLESS javax.management.DefaultLoaderRepository loadClassWithout (Ljava/lang/ClassLoader;Ljava/lang/String;)Ljava/lang/Class;
            HARMLESS javax.management.loading.DefaultLoaderRepository loadClass (Ljava/lang/String;)Ljava/lang/Class;
            HARMLESS javax.management.loading.DefaultLoaderRepository loadClassWithout (Ljava/lang/ClassLoader;Ljava/lang/String;)Ljava/lang/Class;
            REFUSED javax.naming.spi.NamingManager setInitialContextFactoryBuilder (Ljavax/naming/spi/InitialContextFactoryBuilder;)V
            REFUSED javax.naming.spi.NamingManager setObjectFactoryBuilder (Ljavax/naming/spi/ObjectFactoryBuilder;)V
            REFUSED java.rmi.server.LogStream setDefaultStream (Ljava/io/PrintStream;)V
            REFUSED java.rmi.server.RMIClassLoader loadClass (Ljava/lang/String;)Ljava/lang/Class;
            REFUSED java.rmi.server.RMIClassLoader loadClass (Ljava/lang/String;Ljava/lang/String;)Ljava/lang/Class;
            REFUSED java.rmi.server.RMIClassLoader loadClass (Ljava/lang/String;Ljava/lang/String;Ljava/lang/ClassLoader;)Ljava/lang/Class;
            REFUSED java.rmi.server.RMIClassLoader loadClass (Ljava/net/URL;Ljava/lang/String;)Ljava/lang/Class;
            REFUSED java.rmi.server.RMIClassLoader loadProxyClass (Ljava/lang/String;[Ljava/lang/String;Ljava/lang/ClassLoader;)Ljava/lang/Class;
            REFUSED java.rmi.server.RMISocketFactory setFailureHandler (Ljava/rmi/server/RMIFailureHandler;)V
            REFUSED java.rmi.server.RMISocketFactory setSocketFactory (Ljava/rmi/server/RMISocketFactory;)V
            REFUSED java.rmi.server.RemoteServer setLog (Ljava/io/OutputStream;)V
            REFUSED java.sql.DriverManager deregisterDriver (Ljava/sql/Driver;)V
            REFUSED java.sql.DriverManager registerDriver (Ljava/sql/Driver;)V
            REFUSED java.sql.DriverManager registerDriver (Ljava/sql/Driver;Ljava/sql/DriverAction;)V
            REFUSED java.sql.DriverManager setLogStream (Ljava/io/PrintStream;)V
            REFUSED java.sql.DriverManager setLogWriter (Ljava/io/PrintWriter;)V
            REFUSED java.sql.DriverManager setLoginTimeout (I)V
            REFUSED javax.sql.rowset.spi.SyncFactory registerProvider (Ljava/lang/String;)V
            REFUSED javax.sql.rowset.spi.SyncFactory setJNDIContext (Ljavax/naming/Context;)V
            REFUSED javax.sql.rowset.spi.SyncFactory setLogger (Ljava/util/logging/Logger;)V
            REFUSED javax.sql.rowset.spi.SyncFactory setLogger (Ljava/util/logging/Logger;Ljava/util/logging/Level;)V
            REFUSED javax.sql.rowset.spi.SyncFactory unregisterProvider (Ljava/lang/String;)V
            REFUSED java.lang.System getLogger (Ljava/lang/String;)Ljava/lang/System$Logger;
            REFUSED java.lang.System getLogger (Ljava/lang/String;Ljava/util/ResourceBundle;)Ljava/lang/System$Logger;
            REFUSED java.util.logging.LogManager getLogManager ()Ljava/util/logging/LogManager;
            REFUSED_INSTANCE java.lang.Runtime load (Ljava/lang/String;)V
            REFUSED_INSTANCE java.lang.Runtime loadLibrary (Ljava/lang/String;)V
            REFUSED_INSTANCE java.net.URLConnection setDefaultUseCaches (Z)V
            """;

    /** Every audited method, in table order. */
    public static final List<Entry> ENTRIES = parse();

    private static List<Entry> parse() {
        List<Entry> out = new ArrayList<>();
        for (String line : TABLE.split("\n")) {
            String[] f = line.trim().split(" ");
            out.add(new Entry(Verdict.valueOf(f[0]), f[1], f[2], f[3]));
        }
        return List.copyOf(out);
    }

    /** Why a refused method is refused, by owner prefix (first match). */
    private static final String[][] REASONS = {
        {"java.lang.System.getLogger", "System.Logger is backed by the JVM-wide java.util.logging configuration; use java.util.logging.Logger, which is per VM"},
        {"java.util.logging.LogManager", "the LogManager is JVM-wide; loggers, levels and handlers are per VM through java.util.logging.Logger"},
        {"java.lang.System.setSecurityManager", "the security manager is JVM-wide"},
        {"java.lang.System.load", "loads a native library into the host JVM"},
        {"java.lang.Runtime.load", "loads a native library into the host JVM"},
        {"java.io.ObjectInputFilter", "the deserialization filter is JVM-wide"},
        {"java.net.", "a JVM-wide networking default shared by every VM in this JVM"},
        {"javax.net.ssl.", "a JVM-wide TLS default shared by every VM in this JVM"},
        {"java.security.", "JVM-wide security configuration"},
        {"javax.security.", "JVM-wide security configuration"},
        {"java.sql.", "the JDBC driver registry and log are JVM-wide"},
        {"javax.sql.", "the JDBC row-set provider registry is JVM-wide"},
        {"java.rmi.", "JVM-wide RMI configuration and class loading"},
        {"javax.naming.", "the JNDI factory builders are JVM-wide"},
        {"java.time.zone.", "the time-zone rules registry is JVM-wide"},
        {"java.awt.", "JVM-wide desktop-toolkit state (no Android counterpart)"},
        {"java.beans.", "JVM-wide desktop-toolkit state (no Android counterpart)"},
        {"javax.swing.", "JVM-wide desktop-toolkit state (no Android counterpart)"},
        {"javax.imageio.", "JVM-wide desktop-toolkit state (no Android counterpart)"},
        {"javax.print.", "JVM-wide desktop-toolkit state (no Android counterpart)"},
    };

    /** The reason {@code e} is refused, for the error message and the README table. */
    public static String reason(Entry e) {
        String k = e.owner() + "." + e.name();
        for (String[] r : REASONS) {
            if (k.startsWith(r[0])) {
                return r[1];
            }
        }
        throw new IllegalStateException("no reason recorded for refusing " + k);
    }

    /** Refused methods by owner and key ({@code name + desc}), static and instance apart. */
    private static final Map<String, Entry> REFUSED_STATIC = index(Verdict.REFUSED);
    private static final Map<String, Entry> REFUSED_INSTANCE = index(Verdict.REFUSED_INSTANCE);
    private static final java.util.Set<String> REFUSED_INSTANCE_NAMES = REFUSED_INSTANCE.values().stream()
            .map(Entry::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static Map<String, Entry> index(Verdict v) {
        Map<String, Entry> m = new HashMap<>();
        for (Entry e : ENTRIES) {
            if (e.verdict() == v) {
                m.put(e.key(), e);
            }
        }
        return Map.copyOf(m);
    }

    /**
     * The error message if host method {@code name desc} of {@code owner} (for an instance method,
     * of any of its superclasses) is a refused JVM-global setter, else null. The host bridge asks
     * whenever it binds a host method, however the guest reaches it (a call, reflection, a method
     * reference), as it does for threading hazards.
     */
    static String refusal(Class<?> owner, String name, String desc, boolean isStatic) {
        if (isStatic) {
            Entry e = REFUSED_STATIC.get(owner.getName() + "." + name + desc);
            return e == null ? null : e.key() + " (" + reason(e) + ")";
        }
        if (!REFUSED_INSTANCE_NAMES.contains(name)) {
            return null; // the common case, without building a key per superclass
        }
        for (Class<?> k = owner; k != null; k = k.getSuperclass()) {
            Entry e = REFUSED_INSTANCE.get(k.getName() + "." + name + desc);
            if (e != null) {
                return e.key() + " (" + reason(e) + ")";
            }
        }
        return null;
    }
}
