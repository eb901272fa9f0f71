package golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bank simulation: accounts, overdraft exceptions, ledger; then 4 threads doing transfers with ordered locking; totals must be conserved. */
public class G014_BankAccounts {
    static class InsufficientFundsException extends Exception {
        InsufficientFundsException(String id, long need, long have) { super("account " + id + ": need " + need + ", have " + have); }
    }
    static final class Account {
        final String id; final int order; private long balance; private final List<String> history = new ArrayList<>();
        Account(String id, int order, long initial) { this.id = id; this.order = order; this.balance = initial; history.add("open " + initial); }
        synchronized void deposit(long amt) { if (amt <= 0) throw new IllegalArgumentException("bad amount " + amt); balance += amt; history.add("dep " + amt); }
        synchronized void withdraw(long amt) throws InsufficientFundsException {
            if (amt > balance) throw new InsufficientFundsException(id, amt, balance);
            balance -= amt; history.add("wd " + amt);
        }
        synchronized long balance() { return balance; }
        synchronized int historySize() { return history.size(); }
        synchronized List<String> history() { return new ArrayList<>(history); }
    }
    static final class Bank {
        final Map<String, Account> accounts = new TreeMap<>();
        int failed;
        Account open(String id, long initial) { Account a = new Account(id, accounts.size(), initial); accounts.put(id, a); return a; }
        boolean transfer(Account from, Account to, long amt) {
            Account first = from.order < to.order ? from : to, second = first == from ? to : from;
            synchronized (first) {
                synchronized (second) {
                    try { from.withdraw(amt); to.deposit(amt); return true; }
                    catch (InsufficientFundsException e) { synchronized (this) { failed++; } return false; }
                }
            }
        }
        long total() { long t = 0; for (Account a : accounts.values()) t += a.balance(); return t; }
    }

    public static void main(String[] args) throws InterruptedException {
        Bank bank = new Bank();
        Account alice = bank.open("alice", 1000), bob = bank.open("bob", 500), carol = bank.open("carol", 0);
        System.out.println("initial total " + bank.total());
        bank.transfer(alice, bob, 300);
        bank.transfer(bob, carol, 750);
        System.out.println("transfer ok " + bank.transfer(carol, alice, 1000) + " failed=" + bank.failed);
        try { carol.withdraw(10_000); } catch (InsufficientFundsException e) { System.out.println("caught: " + e.getMessage()); }
        try { alice.deposit(-5); } catch (IllegalArgumentException e) { System.out.println("caught: " + e.getMessage()); }
        for (Account a : bank.accounts.values()) System.out.println(a.id + " " + a.balance() + " " + a.history());

        Bank big = new Bank();
        Account[] accs = new Account[6];
        for (int i = 0; i < accs.length; i++) accs[i] = big.open("acct" + i, 10_000);
        long before = big.total();
        Thread[] workers = new Thread[4];
        int[] okCounts = new int[4];
        for (int w = 0; w < workers.length; w++) {
            final int id = w;
            workers[w] = new Thread(() -> {
                int seed = 7 + id * 31, ok = 0;
                for (int i = 0; i < 2000; i++) {
                    seed = seed * 1103515245 + 12345;
                    int a = (seed >>> 8) % accs.length, b = (seed >>> 16) % accs.length;
                    if (a == b) b = (b + 1) % accs.length;
                    if (big.transfer(accs[a], accs[b], 1 + ((seed >>> 4) & 255))) ok++;
                }
                okCounts[id] = ok;
            }, "teller-" + w);
        }
        for (Thread t : workers) t.start();
        for (Thread t : workers) t.join();
        int ops = 0;
        for (Account a : accs) ops += a.historySize() - 1;
        int okSum = 0;
        for (int c : okCounts) okSum += c;
        System.out.println("concurrent: before=" + before + " after=" + big.total() + " conserved=" + (before == big.total())
                + " attempts=" + (okSum + big.failed) + " ledgerEntries==2*ok " + (ops == 2 * okSum));
    }
}
