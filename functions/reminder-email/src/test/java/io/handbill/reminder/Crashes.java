package io.handbill.reminder;

import io.handbill.mail.MailSender;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the sweep's crash tests: the real ledger and the real SES sender, with the process "dying"
 * (a {@link SimulatedCrash}) right after the n-th completed call of one method, i.e. after its write or send took
 * effect and before the sweep could do the next step.
 */
final class Crashes {
    private Crashes() {
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String where) {
            super("Simulated crash after " + where);
        }
    }

    static ReminderLedger ledgerCrashingAfter(ReminderLedger real, String method, int nth) {
        var calls = new AtomicInteger();
        return (ReminderLedger) Proxy.newProxyInstance(ReminderLedger.class.getClassLoader(),
                new Class<?>[]{ReminderLedger.class}, (proxy, m, args) -> {
                    Object result;
                    try {
                        result = m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (m.getName().equals(method) && calls.incrementAndGet() == nth) {
                        throw new SimulatedCrash(method + " #" + nth);
                    }
                    return result;
                });
    }

    /** The real sender, recording every attempted recipient, optionally dying after the n-th accepted send. */
    static final class RecordingSender implements MailSender {
        private final MailSender real;
        private final int crashAfter;
        private final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        private int accepted;

        RecordingSender(MailSender real, int crashAfter) {
            this.real = real;
            this.crashAfter = crashAfter;
        }

        @Override
        public String send(String to, byte[] raw) {
            attempts.add(to);
            String messageId = real.send(to, raw);
            if (++accepted == crashAfter) {
                throw new SimulatedCrash("SES accepted send #" + crashAfter);
            }
            return messageId;
        }

        long attempts() {
            return attempts.size();
        }

        long attemptsTo(String address) {
            return attempts.stream().filter(address::equals).count();
        }
    }
}
