package golden;

import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.Formatter;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Scanner;
import java.util.TimeZone;

/**
 * The default locale (all categories) and time zone as guest code sets them (per VM under comet),
 * and the library methods that read them implicitly: String.format and formatted, printf,
 * toUpperCase/toLowerCase (Turkish dotted I), NumberFormat and DecimalFormat, Date.toString (also
 * through concatenation and println), SimpleDateFormat, DateFormat, Calendar, GregorianCalendar,
 * ZoneId.systemDefault, java.time formatters, MessageFormat, Formatter, Scanner, display names;
 * TimeZone.getDefault's copy and setDefault(null) going back to user.timezone.
 */
public class G061_LocaleTimeZone {
    public static void main(String[] args) {
        Locale initial = Locale.getDefault();
        TimeZone initialZone = TimeZone.getDefault();
        Locale.setDefault(Locale.GERMANY);
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        System.out.println(Locale.getDefault() + " " + Locale.getDefault(Locale.Category.FORMAT) + " "
                + Locale.getDefault(Locale.Category.DISPLAY) + " " + TimeZone.getDefault().getID() + " " + ZoneId.systemDefault());
        System.out.println(String.format("%,d %.3f %s", 1234567, Math.PI, true) + " | " + "%,.2f".formatted(9876.5));
        System.out.printf("%,d%n", 7654321);
        System.out.println(NumberFormat.getInstance().format(1234.56) + " " + NumberFormat.getPercentInstance().format(0.25) + " "
                + NumberFormat.getCurrencyInstance().format(3.5) + " " + NumberFormat.getIntegerInstance().format(2.5));
        System.out.println(new DecimalFormat("#,##0.00").format(1234.5) + " " + new DecimalFormat().format(-0.125) + " "
                + new DecimalFormatSymbols().getDecimalSeparator());

        Date epoch = new Date(0);
        System.out.println(epoch);
        System.out.println("concatenated: " + epoch + " | " + String.valueOf(epoch) + " | " + epoch.toString());
        System.out.println(new SimpleDateFormat("EEEE d. MMMM yyyy HH:mm zzz").format(epoch));
        System.out.println(DateFormat.getDateTimeInstance(DateFormat.LONG, DateFormat.LONG).format(epoch));
        System.out.println(DateFormat.getDateInstance().format(epoch) + " " + DateFormat.getTimeInstance(DateFormat.SHORT).format(epoch));
        Calendar cal = Calendar.getInstance();
        cal.setTimeInMillis(0);
        System.out.println(cal.getTimeZone().getID() + " " + cal.get(Calendar.HOUR_OF_DAY) + " " + cal.getFirstDayOfWeek());
        GregorianCalendar g = new GregorianCalendar();
        g.setTimeInMillis(0);
        System.out.println(g.get(Calendar.HOUR_OF_DAY) + " " + g.getTimeZone().getID());
        LocalDate day = LocalDate.of(2024, 3, 1);
        System.out.println(LocalDateTime.ofInstant(Instant.EPOCH, ZoneId.systemDefault()) + " "
                + DateTimeFormatter.ofPattern("EEEE, d. MMMM").format(day) + " "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).format(day));
        System.out.println(MessageFormat.format("{0,number} Dinge am {1,date,long} um {1,time,short}", 1234.5, epoch));
        Formatter f = new Formatter();
        f.format("%,.1f", 1234.56);
        System.out.println(f);
        Scanner s = new Scanner("1,5 2.500");
        System.out.println(s.nextDouble() + " " + s.nextInt());
        System.out.println("title".toUpperCase() + " " + "TITLE".toLowerCase() + " " + Locale.FRANCE.getDisplayName() + " "
                + TimeZone.getTimeZone("Europe/Paris").getDisplayName() + " " + Currency.getInstance("EUR").getSymbol());

        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        System.out.println(Locale.getDefault() + " " + Locale.getDefault(Locale.Category.FORMAT) + " "
                + String.format("%,.2f", 1234.5) + " " + Locale.GERMANY.getDisplayName());
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ITALY);
        System.out.println(Locale.GERMANY.getDisplayName() + " " + Locale.getDefault());
        Locale.setDefault(new Locale("tr", "TR"));
        System.out.println("title".toUpperCase() + " " + "TITLE".toLowerCase() + " " + "title".toUpperCase(Locale.ROOT) + " "
                + Locale.getDefault(Locale.Category.FORMAT));

        try {
            Locale.setDefault(null);
        } catch (NullPointerException e) {
            System.out.println("NPE " + e.getMessage());
        }
        try {
            Locale.setDefault(null, Locale.US);
        } catch (NullPointerException e) {
            System.out.println("NPE " + e.getMessage());
        }
        try {
            Locale.setDefault(Locale.Category.FORMAT, null);
        } catch (NullPointerException e) {
            System.out.println("NPE " + e.getMessage());
        }

        TimeZone copy = TimeZone.getDefault();
        copy.setRawOffset(0);
        System.out.println("a copy: " + TimeZone.getDefault().getRawOffset());
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        System.out.println(new Date(0) + " " + Calendar.getInstance().getTimeZone().getID());
        TimeZone.setDefault(null);
        System.out.println("reset: " + TimeZone.getDefault().getID().equals(initialZone.getID()));
        System.setProperty("user.timezone", "Europe/Lisbon");
        TimeZone.setDefault(null);
        System.out.println("from user.timezone: " + TimeZone.getDefault().getID() + " " + ZoneId.systemDefault());
        Locale.setDefault(initial);
        System.out.println("restored: " + Locale.getDefault().equals(initial));
    }
}
