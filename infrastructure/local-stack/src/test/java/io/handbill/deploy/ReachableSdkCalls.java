package io.handbill.deploy;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS operations a handler can reach, as IAM actions ({@code dynamo.putItem(...)} is {@code dynamodb:PutItem}):
 * a call graph over our own bytecode (io.handbill classes) from every method of the handler class. Virtual calls
 * reach the method in every loaded subtype; a lambda or method reference counts as called where it is created; a
 * constructed class's overrides of library types (Runnable, Comparator, ...) count as called. A request we sign
 * and send ourselves counts by its {@code X-Amz-Target} constant, e.g. {@code "AmazonSSM.GetParameter"}; one we
 * presign ({@code presigner.presignPutObject(...)}) as the operation it allows.
 */
final class ReachableSdkCalls {
    private static final String OURS = "io/handbill/";
    private static final String SDK = "software/amazon/awssdk/services/";
    /** SDK package → IAM service prefix, where they differ. */
    private static final Map<String, String> IAM_PREFIX = Map.of("sesv2", "ses");
    /** S3 operations whose IAM action has another name. */
    private static final Map<String, String> S3_ACTIONS = Map.of(
            "headObject", "GetObject", "listObjectsV2", "ListBucket", "listObjectsV2Paginator", "ListBucket",
            "listObjects", "ListBucket", "deleteObjects", "DeleteObject", "headBucket", "ListBucket",
            "listObjectVersions", "ListBucketVersions");
    /** X-Amz-Target prefixes of the JSON protocols → IAM service prefix. */
    private static final Map<String, String> TARGET_PREFIXES = Map.of(
            "AmazonSSM", "ssm", "secretsmanager", "secretsmanager", "DynamoDB_20120810", "dynamodb");
    private static final String CONSTANT = "ldc";
    /** A presigned request is the operation it signs, sent later by someone else with our role's rights. */
    private static final String PRESIGN = "presign";
    private static final Set<String> NOT_OPERATIONS = Set.of("close", "serviceName", "serviceClientConfiguration",
            "utilities", "waiter", "builder", "create");

    private final Map<String, ClassInfo> classes = new HashMap<>();
    private final Set<String> reached = new HashSet<>();
    private final Deque<String> work = new ArrayDeque<>();
    private final Set<String> virtualCalls = new HashSet<>();
    private final Set<String> actions = new TreeSet<>();

    private ReachableSdkCalls() {
    }

    static Set<String> from(Class<?> handler) {
        var graph = new ReachableSdkCalls();
        String owner = Type.getInternalName(handler);
        graph.load(owner).ifPresent(info -> info.methods.keySet().forEach(method -> graph.reach(owner, method)));
        graph.run();
        return graph.actions;
    }

    private void run() {
        while (!work.isEmpty()) {
            String key = work.pop();
            int split = key.indexOf('#');
            String owner = key.substring(0, split);
            ClassInfo info = classes.get(owner);
            List<Call> calls = info == null ? null : info.methods.get(key.substring(split + 1));
            if (calls == null) {
                continue;
            }
            for (Call call : calls) {
                follow(call);
            }
        }
    }

    private void follow(Call call) {
        if (call.owner.equals(CONSTANT)) {
            int dot = call.name.indexOf('.');
            if (dot > 0 && TARGET_PREFIXES.containsKey(call.name.substring(0, dot))) {
                actions.add(TARGET_PREFIXES.get(call.name.substring(0, dot)) + ":" + call.name.substring(dot + 1));
            }
            return;
        }
        if (call.owner.startsWith(SDK) && (call.owner.endsWith("Client") || call.owner.endsWith("Presigner"))) {
            sdkAction(call.owner, call.name).ifPresent(actions::add);
            return;
        }
        if (!call.owner.startsWith(OURS)) {
            return;
        }
        if (call.virtual) {
            String signature = call.name + call.descriptor;
            virtualCalls.add(call.owner + "#" + signature);
            for (ClassInfo info : new ArrayList<>(classes.values())) {
                if (info != null && isSubtype(info.name, call.owner)) {
                    reachInherited(info.name, signature);
                }
            }
        }
        reachInherited(call.owner, call.name + call.descriptor);
    }

    /** The method as the class declares or inherits it from our own superclasses. */
    private void reachInherited(String owner, String signature) {
        for (String type = owner; type != null && type.startsWith(OURS); ) {
            Optional<ClassInfo> info = load(type);
            if (info.isEmpty()) {
                return;
            }
            if (info.get().methods.containsKey(signature)) {
                reach(type, signature);
                return;
            }
            type = info.get().superName;
        }
    }

    private void reach(String owner, String signature) {
        if (reached.add(owner + "#" + signature)) {
            work.push(owner + "#" + signature);
            if (signature.startsWith("<init>")) {
                classes.get(owner).libraryOverrides.forEach(override -> reach(owner, override));
            }
        }
    }

    private Optional<ClassInfo> load(String name) {
        if (classes.containsKey(name)) {
            return Optional.ofNullable(classes.get(name));
        }
        ClassInfo info = read(name);
        classes.put(name, info);
        if (info != null) {
            reach(name, "<clinit>()V");
            info.referenced.forEach(this::load);
            for (String call : List.copyOf(virtualCalls)) {
                String owner = call.substring(0, call.indexOf('#'));
                if (!owner.equals(name) && isSubtype(name, owner)) {
                    reachInherited(name, call.substring(call.indexOf('#') + 1));
                }
            }
        }
        return Optional.ofNullable(info);
    }

    private boolean isSubtype(String type, String ancestor) {
        if (type == null || !type.startsWith(OURS)) {
            return false;
        }
        if (type.equals(ancestor)) {
            return true;
        }
        ClassInfo info = load(type).orElse(null);
        return info != null && (isSubtype(info.superName, ancestor)
                || info.interfaces.stream().anyMatch(parent -> isSubtype(parent, ancestor)));
    }

    private static Optional<String> sdkAction(String owner, String operation) {
        if (NOT_OPERATIONS.contains(operation)) {
            return Optional.empty();
        }
        String sdkPackage = owner.substring(SDK.length(), owner.indexOf('/', SDK.length()));
        String prefix = IAM_PREFIX.getOrDefault(sdkPackage, sdkPackage);
        if (prefix.equals("s3") && S3_ACTIONS.containsKey(operation)) {
            return Optional.of("s3:" + S3_ACTIONS.get(operation));
        }
        String name = operation.endsWith("Paginator") ? operation.substring(0, operation.length() - 9)
                : operation.startsWith(PRESIGN) ? operation.substring(PRESIGN.length()) : operation;
        return Optional.of(prefix + ":" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }

    private static ClassInfo read(String name) {
        if (!name.startsWith(OURS)) {
            return null;
        }
        try (InputStream in = ReachableSdkCalls.class.getClassLoader().getResourceAsStream(name + ".class")) {
            if (in == null) {
                return null;
            }
            var info = new ClassInfo(name);
            new ClassReader(in).accept(info, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            info.libraryOverrides.addAll(libraryOverrides(info));
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Methods of the class that implement a library supertype's method: library code may call them. */
    private static Set<String> libraryOverrides(ClassInfo info) {
        Set<String> librarySignatures = new HashSet<>();
        List<String> supertypes = new ArrayList<>(info.interfaces);
        supertypes.add(info.superName);
        for (String supertype : supertypes) {
            if (supertype == null || supertype.startsWith(OURS) || supertype.equals("java/lang/Object")) {
                continue;
            }
            try {
                Class<?> type = Class.forName(supertype.replace('/', '.'), false, ReachableSdkCalls.class.getClassLoader());
                for (Method method : type.getMethods()) {
                    librarySignatures.add(method.getName() + Type.getMethodDescriptor(method));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // a supertype missing from this classpath cannot call back into us here either
            }
        }
        Set<String> overrides = new HashSet<>(info.methods.keySet());
        overrides.retainAll(librarySignatures);
        return overrides;
    }

    private record Call(String owner, String name, String descriptor, boolean virtual) {
    }

    private static final class ClassInfo extends ClassVisitor {
        final String name;
        String superName;
        final List<String> interfaces = new ArrayList<>();
        final Map<String, List<Call>> methods = new HashMap<>();
        final Set<String> referenced = new HashSet<>();
        final Set<String> libraryOverrides = new HashSet<>();

        ClassInfo(String name) {
            super(Opcodes.ASM9);
            this.name = name;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.superName = superName;
            this.interfaces.addAll(List.of(interfaces));
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            List<Call> calls = new ArrayList<>();
            methods.put(name + descriptor, calls);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                    boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
                    calls.add(new Call(owner, method, desc, virtual));
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle) {
                            calls.add(new Call(handle.getOwner(), handle.getName(), handle.getDesc(),
                                    handle.getTag() == Opcodes.H_INVOKEVIRTUAL || handle.getTag() == Opcodes.H_INVOKEINTERFACE));
                        }
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String constant && constant.matches("\\w+\\.[A-Z]\\w+")) {
                        calls.add(new Call(CONSTANT, constant, "", false));
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.NEW && type.startsWith(OURS)) {
                        referenced.add(type);
                    }
                }
            };
        }
    }
}
