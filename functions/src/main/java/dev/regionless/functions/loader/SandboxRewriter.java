package dev.regionless.functions.loader;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class so that its calls to {@code System.getenv}, its reads of {@code System.out} and
 * {@code System.err}, and its calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} go to
 * {@link dev.regionless.functions.sandbox.Sandbox} instead. Each replacement has the
 * same stack effect as the original, so no frames need recomputing and untouched methods are copied as they are.
 */
final class SandboxRewriter {
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String SANDBOX = "dev/regionless/functions/sandbox/Sandbox";
    private static final byte[] SYSTEM_BYTES = SYSTEM.getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] RUNTIME_BYTES = RUNTIME.getBytes(StandardCharsets.ISO_8859_1);

    private SandboxRewriter() {}

    /** The rewritten class, or the same array when it mentions neither {@code java.lang.System} nor {@code Runtime}. */
    static byte[] rewrite(byte[] classBytes) {
        if (!contains(classBytes, SYSTEM_BYTES) && !contains(classBytes, RUNTIME_BYTES)) {
            return classBytes;
        }
        var reader = new ClassReader(classBytes);
        var writer = new ClassWriter(reader, 0);
        reader.accept(new ClassRewriter(writer), 0);
        return writer.toByteArray();
    }

    private static final class ClassRewriter extends ClassVisitor {
        ClassRewriter(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodRewriter(super.visitMethod(access, name, descriptor, signature, exceptions));
        }
    }

    private static final class MethodRewriter extends MethodVisitor {
        MethodRewriter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && SYSTEM.equals(owner) && "getenv".equals(name)) {
                super.visitMethodInsn(opcode, SANDBOX, name, descriptor, false);
            } else if (opcode == Opcodes.INVOKESTATIC && SYSTEM.equals(owner) && "exit".equals(name)) {
                super.visitMethodInsn(opcode, SANDBOX, "exit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && RUNTIME.equals(owner) && isExitOrHalt(name, descriptor)) {
                // The receiver stays on the stack and becomes the first argument: the same stack effect.
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SANDBOX, "exit", "(Ljava/lang/Runtime;I)V", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            boolean standardStream = "out".equals(name) || "err".equals(name);
            if (opcode == Opcodes.GETSTATIC && SYSTEM.equals(owner) && standardStream) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SANDBOX, name, "()" + descriptor, false);
            } else {
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            var rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
                if (rewritten[i] instanceof Handle handle && isGetenv(handle)) {
                    rewritten[i] =
                            new Handle(Opcodes.H_INVOKESTATIC, SANDBOX, handle.getName(), handle.getDesc(), false);
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        }

        private static boolean isExitOrHalt(String name, String descriptor) {
            return ("exit".equals(name) || "halt".equals(name)) && "(I)V".equals(descriptor);
        }

        private static boolean isGetenv(Handle handle) {
            return handle.getTag() == Opcodes.H_INVOKESTATIC
                    && SYSTEM.equals(handle.getOwner())
                    && "getenv".equals(handle.getName());
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
