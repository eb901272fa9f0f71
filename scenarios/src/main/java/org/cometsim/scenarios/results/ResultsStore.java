package org.cometsim.scenarios.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.cometsim.scenarios.yaml.ScenarioException;

/**
 * A sweep's results database ({@code results.duckdb}, embedded DuckDB; tables in the module
 * README's results contract). Each finished point is one committed row, so a sweep killed at any
 * moment keeps every point that had finished. An existing file is checked read-only first: a
 * file that is not DuckDB, or a DuckDB database of something else, or of a sweep with other axes,
 * is refused without being changed.
 */
public final class ResultsStore implements AutoCloseable {
    public static final String FILE = "results.duckdb";
    public static final String SCHEMA = "comet-sweep/1";

    private final Path file;
    private final Connection db;
    private final List<String> axisColumns;
    private final List<String> columns = new ArrayList<>();
    private final List<RunRecord.Type> types = new ArrayList<>();
    private PreparedStatement insert;

    private ResultsStore(Path file, Connection db, List<String> axisColumns) throws SQLException {
        this.file = file;
        this.db = db;
        this.axisColumns = axisColumns;
        add("point_key", RunRecord.Type.VARCHAR);
        add("point_index", RunRecord.Type.INTEGER);
        add("status", RunRecord.Type.VARCHAR);
        add("error", RunRecord.Type.VARCHAR);
        add("app", RunRecord.Type.VARCHAR);
        add("app_size", RunRecord.Type.VARCHAR);
        for (String a : axisColumns) {
            add(a, RunRecord.Type.VARCHAR);
            add(a + "_value", RunRecord.Type.DOUBLE);
        }
        for (RunRecord.Column c : RunRecord.template()) {
            add(c.name(), c.type());
        }
        add("output_matches", RunRecord.Type.BOOLEAN);
        add("comet_version", RunRecord.Type.VARCHAR);
        add("wall_s", RunRecord.Type.DOUBLE);
    }

    private void add(String name, RunRecord.Type type) {
        columns.add(name);
        types.add(type);
    }

    /** The column names of table {@code points}, in order. */
    public List<String> columns() {
        return List.copyOf(columns);
    }

    /** The {@code axis_*} label columns, in axis order. */
    public List<String> axisColumns() {
        return axisColumns;
    }

    public Path file() {
        return file;
    }

    /**
     * Opens (or creates) {@code dir/results.duckdb} for the sweep {@code sweep} with these axes.
     *
     * @throws ScenarioException if the file exists and is not this sweep's results database
     */
    public static ResultsStore open(Path dir, String sweep, List<String> axisNames, String version) {
        Path file = dir.resolve(FILE);
        List<String> axisColumns = axisNames.stream().map(n -> "axis_" + n.replaceAll("[^A-Za-z0-9]", "_")).toList();
        boolean exists = Files.exists(file);
        if (exists) {
            Meta m = readMeta(file);
            if (!m.axes().equals(Meta.axesJson(axisNames))) {
                throw new ScenarioException(file + ": holds sweep '" + m.sweep() + "' with axes " + m.axes()
                        + ", not " + Meta.axesJson(axisNames) + "; nothing was changed (use another --out)");
            }
        }
        try {
            Files.createDirectories(dir);
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            ResultsStore s = new ResultsStore(file, c, axisColumns);
            if (!exists) {
                s.create(sweep, axisNames, version);
            }
            return s;
        } catch (SQLException e) {
            throw new ScenarioException(file + ": cannot open the results database: " + oneLine(e)
                    + (e.getMessage() != null && e.getMessage().contains("lock") ? " (is another comet sweep using it?)" : ""));
        } catch (IOException e) {
            throw new ScenarioException(dir + ": cannot create the output directory: " + e.getMessage());
        }
    }

    /** The {@code meta} table of a results database: its sweep name and axes (JSON list). */
    public record Meta(String sweep, String axes, String version) {
        static String axesJson(List<String> names) {
            StringBuilder b = new StringBuilder("[");
            for (String n : names) {
                b.append(b.length() > 1 ? "," : "").append('"').append(n.replace("\"", "\\\"")).append('"');
            }
            return b.append(']').toString();
        }

        /** The axis names of {@link #axes}. */
        public List<String> axisNames() {
            String body = axes.substring(1, axes.length() - 1);
            List<String> out = new ArrayList<>();
            if (!body.isEmpty()) {
                for (String p : body.split(",")) {
                    out.add(p.substring(1, p.length() - 1));
                }
            }
            return out;
        }
    }

    /** Reads the meta table of an existing file, read-only; a foreign or corrupt file is a {@link ScenarioException}. */
    public static Meta readMeta(Path file) {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), ro);
             Statement st = c.createStatement()) {
            String schema = null;
            String sweep = null;
            String axes = null;
            String version = null;
            try (ResultSet r = st.executeQuery("SELECT key, value FROM meta")) {
                while (r.next()) {
                    switch (r.getString(1)) {
                        case "schema" -> schema = r.getString(2);
                        case "sweep" -> sweep = r.getString(2);
                        case "axes" -> axes = r.getString(2);
                        case "comet_version" -> version = r.getString(2);
                        default -> {
                        }
                    }
                }
            } catch (SQLException e) {
                throw new ScenarioException(file + ": not a comet results database (no meta table); nothing was changed");
            }
            if (!SCHEMA.equals(schema) || axes == null) {
                throw new ScenarioException(file + ": not a comet results database (schema " + schema + ", expected "
                        + SCHEMA + "); nothing was changed");
            }
            return new Meta(sweep, axes, version);
        } catch (SQLException e) {
            throw new ScenarioException(file + ": not a readable DuckDB database: " + oneLine(e) + "; nothing was changed");
        }
    }

    private void create(String sweep, List<String> axisNames, String version) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE points (");
        for (int i = 0; i < columns.size(); i++) {
            ddl.append(i > 0 ? ", " : "").append('"').append(columns.get(i)).append("\" ").append(types.get(i));
            if (i == 0) {
                ddl.append(" PRIMARY KEY");
            }
        }
        ddl.append(')');
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            st.execute(ddl.toString());
            st.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
            try (PreparedStatement p = db.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
                String[][] rows = {{"schema", SCHEMA}, {"sweep", sweep}, {"axes", Meta.axesJson(axisNames)},
                    {"comet_version", version}};
                for (String[] r : rows) {
                    p.setString(1, r[0]);
                    p.setString(2, r[1]);
                    p.execute();
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** Keys of the points stored with status ok (a rerun skips them). */
    public Set<String> finishedKeys() {
        Set<String> keys = new HashSet<>();
        try (Statement st = db.createStatement();
             ResultSet r = st.executeQuery("SELECT point_key FROM points WHERE status = 'ok'")) {
            while (r.next()) {
                keys.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new ScenarioException(file + ": cannot read points: " + oneLine(e));
        }
        return keys;
    }

    /** Stores one point (one committed row; replaces an earlier row of the same key, e.g. an error). */
    public synchronized void put(List<Object> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("row of " + row.size() + " values for " + columns.size() + " columns");
        }
        try {
            if (insert == null) {
                insert = db.prepareStatement("INSERT OR REPLACE INTO points VALUES (" + "?, ".repeat(columns.size() - 1) + "?)");
            }
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                int idx = i + 1;
                if (v == null) {
                    insert.setNull(idx, sqlType(types.get(i)));
                } else if (v instanceof String s) {
                    insert.setString(idx, s);
                } else if (v instanceof Integer n) {
                    insert.setInt(idx, n);
                } else if (v instanceof Long n) {
                    insert.setLong(idx, n);
                } else if (v instanceof Double d) {
                    insert.setDouble(idx, d);
                } else if (v instanceof Boolean b) {
                    insert.setBoolean(idx, b);
                } else {
                    throw new IllegalArgumentException("column " + columns.get(i) + ": " + v.getClass());
                }
            }
            insert.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot store a point: " + oneLine(e), e);
        }
    }

    private static int sqlType(RunRecord.Type t) {
        return switch (t) {
            case VARCHAR -> Types.VARCHAR;
            case BIGINT -> Types.BIGINT;
            case INTEGER -> Types.INTEGER;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
        };
    }

    /** Number of rows, and of rows with status ok. */
    public long[] counts() {
        try (Statement st = db.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE status = 'ok') FROM points")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": " + oneLine(e), e);
        }
    }

    /** Adds every point of another results database of the same sweep that this one lacks (or holds only as an error). */
    public int merge(Path other) {
        try (Statement st = db.createStatement()) {
            String alias = "shard";
            st.execute("ATTACH '" + other.toAbsolutePath().toString().replace("'", "''") + "' AS " + alias + " (READ_ONLY)");
            try {
                String cols = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
                int n = st.executeUpdate("INSERT OR REPLACE INTO points (" + cols + ") SELECT " + cols + " FROM " + alias
                        + ".points s WHERE s.point_key NOT IN (SELECT point_key FROM points WHERE status = 'ok')"
                        + " AND (s.status = 'ok' OR s.point_key NOT IN (SELECT point_key FROM points))");
                return n;
            } finally {
                st.execute("DETACH " + alias);
            }
        } catch (SQLException e) {
            throw new ScenarioException(other + ": cannot merge: " + oneLine(e));
        }
    }

    /** Rows of {@code points} with status ok: the axis labels (seed excluded) and the summary's metrics. */
    List<Object[]> okRows(List<String> groupColumns, List<String> metrics) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        List<String> sel = new ArrayList<>(groupColumns);
        sel.addAll(metrics);
        String q = "SELECT " + String.join(", ", sel.stream().map(c -> "\"" + c + "\"").toList())
                + " FROM points WHERE status = 'ok' ORDER BY point_index";
        try (Statement st = db.createStatement(); ResultSet r = st.executeQuery(q)) {
            while (r.next()) {
                Object[] row = new Object[sel.size()];
                for (int i = 0; i < sel.size(); i++) {
                    row[i] = i < groupColumns.size() ? r.getString(i + 1) : (Object) r.getDouble(i + 1);
                    if (r.wasNull()) {
                        row[i] = null;
                    }
                }
                out.add(row);
            }
        }
        return out;
    }

    /** Replaces table {@code summary} with {@code rows} (columns {@code groupColumns} + the statistics). */
    void writeSummary(List<String> groupColumns, List<Object[]> rows) throws SQLException {
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS summary");
            StringBuilder ddl = new StringBuilder("CREATE TABLE summary (");
            for (String g : groupColumns) {
                ddl.append('"').append(g).append("\" VARCHAR, ");
            }
            ddl.append("metric VARCHAR, n INTEGER, mean DOUBLE, stddev DOUBLE, ci95_low DOUBLE, ci95_high DOUBLE, geomean DOUBLE)");
            st.execute(ddl.toString());
            int width = groupColumns.size() + 7;
            try (PreparedStatement p = db.prepareStatement("INSERT INTO summary VALUES (" + "?, ".repeat(width - 1) + "?)")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < width; i++) {
                        Object v = row[i];
                        if (v == null) {
                            p.setNull(i + 1, i <= groupColumns.size() ? Types.VARCHAR : Types.DOUBLE);
                        } else if (v instanceof Integer n) {
                            p.setInt(i + 1, n);
                        } else if (v instanceof Double d) {
                            p.setDouble(i + 1, d);
                        } else {
                            p.setString(i + 1, v.toString());
                        }
                    }
                    p.execute();
                }
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /**
     * Writes {@code results.csv} (points by index) and {@code summary.csv} next to the database,
     * each through a temporary file moved into place, so a kill never leaves half a CSV.
     */
    public void exportCsv(Path dir) {
        export(dir, "results.csv", "SELECT * FROM points ORDER BY point_index");
        export(dir, "summary.csv", "SELECT * FROM summary");
    }

    private void export(Path dir, String name, String query) {
        Path tmp = dir.resolve(name + ".tmp");
        try (Statement st = db.createStatement()) {
            st.execute("COPY (" + query + ") TO '" + tmp.toAbsolutePath().toString().replace("'", "''")
                    + "' (HEADER, DELIMITER ',')");
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(dir.resolve(name) + ": cannot export: " + e.getMessage(), e);
        }
    }

    /** The database connection, for read-only queries of commands (benchmarks, reports). */
    public Connection connection() {
        return db;
    }

    static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        try {
            if (insert != null) {
                insert.close();
            }
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": " + oneLine(e), e);
        }
    }
}
