using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace MscAlf.Tests.Architecture;

/// <summary>
/// Reads a compiled assembly and lists, for each of its types, the namespaces of every type it refers to: base types
/// and interfaces, the signatures of its fields, methods, properties and locals, the attributes on it, and every type,
/// method and field its method bodies name. Compiler-generated nested types (lambdas, iterators, async state machines)
/// count as part of the type they are nested in.
/// </summary>
internal static class TypeReferences
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>(namespace and name of the referring type, namespace of the referenced type) for every reference.</summary>
    public static IEnumerable<(string From, string FromNamespace, string ToNamespace, string To)> Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var found = new List<(string, string, string, string)>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var (ns, name) = Outermost(reader, handle);
            foreach (var (toNamespace, to) in Referenced(reader, pe, handle).Distinct())
            {
                found.Add((name, ns, toNamespace, to));
            }
        }
        return found;
    }

    private static (string Namespace, string Name) Outermost(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        while (type.GetDeclaringType() is { IsNil: false } outer)
        {
            type = reader.GetTypeDefinition(outer);
        }
        return (reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    private static List<(string Namespace, string Name)> Referenced(MetadataReader reader, PEReader pe, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var names = new Names(reader);
        var found = new List<(string, string)>();
        if (!type.BaseType.IsNil)
        {
            found.AddRange(names.Of(type.BaseType));
        }
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            found.AddRange(names.Of(reader.GetInterfaceImplementation(implementation).Interface));
        }
        found.AddRange(Attributes(reader, names, type.GetCustomAttributes()));
        foreach (var field in type.GetFields())
        {
            var definition = reader.GetFieldDefinition(field);
            found.AddRange(definition.DecodeSignature(names, null));
            found.AddRange(Attributes(reader, names, definition.GetCustomAttributes()));
        }
        foreach (var property in type.GetProperties())
        {
            var signature = reader.GetPropertyDefinition(property).DecodeSignature(names, null);
            found.AddRange(signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p)));
        }
        foreach (var method in type.GetMethods())
        {
            var definition = reader.GetMethodDefinition(method);
            var signature = definition.DecodeSignature(names, null);
            found.AddRange(signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p)));
            found.AddRange(Attributes(reader, names, definition.GetCustomAttributes()));
            foreach (var parameter in definition.GetGenericParameters())
            {
                foreach (var constraint in reader.GetGenericParameter(parameter).GetConstraints())
                {
                    found.AddRange(names.Of(reader.GetGenericParameterConstraint(constraint).Type));
                }
            }
            if (definition.RelativeVirtualAddress != 0)
            {
                found.AddRange(Body(reader, names, pe.GetMethodBody(definition.RelativeVirtualAddress)));
            }
        }
        return found;
    }

    private static IEnumerable<(string, string)> Attributes(MetadataReader reader, Names names, CustomAttributeHandleCollection attributes) =>
        attributes.SelectMany(a => names.Of(reader.GetCustomAttribute(a).Constructor));

    private static List<(string, string)> Body(MetadataReader reader, Names names, MethodBodyBlock body)
    {
        var found = new List<(string, string)>();
        if (!body.LocalSignature.IsNil)
        {
            found.AddRange(reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(names, null).SelectMany(l => l));
        }
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il.ReadByte());
            }
            switch (OperandTypes[value])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    found.AddRange(names.Of(MetadataTokens.EntityHandle(il.ReadInt32())));
                    break;
                case OperandType.InlineSwitch:
                    // The count first: in "il.Offset += 4 * il.ReadInt32()" the offset is taken before the count is read,
                    // so the jump fell four bytes short and the next operand was misread (seen on a generated regex).
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
            }
        }
        return found;
    }

    /// <summary>The (namespace, name) pairs a handle or signature names; a nested type stands for its outermost type.</summary>
    private sealed class Names(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<(string, string)>, object?>
    {
        public IEnumerable<(string, string)> Of(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => [Definition((TypeDefinitionHandle)handle)],
            HandleKind.TypeReference => [Reference((TypeReferenceHandle)handle)],
            HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            HandleKind.MethodDefinition => Of(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()),
            HandleKind.FieldDefinition => Of(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()),
            HandleKind.MemberReference => Member((MemberReferenceHandle)handle),
            HandleKind.MethodSpecification => MethodSpecification((MethodSpecificationHandle)handle),
            _ => [],
        };

        private IEnumerable<(string, string)> Member(MemberReferenceHandle handle)
        {
            var member = reader.GetMemberReference(handle);
            var parent = member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification
                or HandleKind.MethodDefinition
                ? Of(member.Parent)
                : [];
            return member.GetKind() == MemberReferenceKind.Method
                ? parent.Concat(Method(member.DecodeMethodSignature(this, null)))
                : parent.Concat(member.DecodeFieldSignature(this, null));
        }

        private IEnumerable<(string, string)> MethodSpecification(MethodSpecificationHandle handle)
        {
            var specification = reader.GetMethodSpecification(handle);
            return Of(specification.Method).Concat(specification.DecodeSignature(this, null).SelectMany(t => t));
        }

        private static IEnumerable<(string, string)> Method(MethodSignature<ImmutableArray<(string, string)>> signature) =>
            signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p));

        private (string, string) Definition(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            while (type.GetDeclaringType() is { IsNil: false } outer)
            {
                type = reader.GetTypeDefinition(outer);
            }
            return (reader.GetString(type.Namespace), reader.GetString(type.Name));
        }

        private (string, string) Reference(TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            while (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
            }
            return (reader.GetString(type.Namespace), reader.GetString(type.Name));
        }

        public ImmutableArray<(string, string)> GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => [Definition(handle)];

        public ImmutableArray<(string, string)> GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => [Reference(handle)];

        public ImmutableArray<(string, string)> GetTypeFromSpecification(MetadataReader metadata, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            metadata.GetTypeSpecification(handle).DecodeSignature(this, context);

        public ImmutableArray<(string, string)> GetGenericInstantiation(ImmutableArray<(string, string)> genericType, ImmutableArray<ImmutableArray<(string, string)>> typeArguments) =>
            genericType.AddRange(typeArguments.SelectMany(t => t));

        public ImmutableArray<(string, string)> GetArrayType(ImmutableArray<(string, string)> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<(string, string)> GetSZArrayType(ImmutableArray<(string, string)> elementType) => elementType;

        public ImmutableArray<(string, string)> GetByReferenceType(ImmutableArray<(string, string)> elementType) => elementType;

        public ImmutableArray<(string, string)> GetPointerType(ImmutableArray<(string, string)> elementType) => elementType;

        public ImmutableArray<(string, string)> GetPinnedType(ImmutableArray<(string, string)> elementType) => elementType;

        public ImmutableArray<(string, string)> GetModifiedType(ImmutableArray<(string, string)> modifier, ImmutableArray<(string, string)> unmodifiedType, bool isRequired) => unmodifiedType;

        public ImmutableArray<(string, string)> GetFunctionPointerType(MethodSignature<ImmutableArray<(string, string)>> signature) => [.. Method(signature)];

        public ImmutableArray<(string, string)> GetGenericMethodParameter(object? genericContext, int index) => [];

        public ImmutableArray<(string, string)> GetGenericTypeParameter(object? genericContext, int index) => [];

        public ImmutableArray<(string, string)> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
    }
}
