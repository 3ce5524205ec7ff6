import type { CollectionConfig } from 'payload'

import { adminsOnly, adminsOnlyField, isAdmin } from './access/roles'
import { sameWorkForEveryAccount } from './hooks/login-timing'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { fr: 'Utilisateur', en: 'User' }, plural: { fr: 'Utilisateurs', en: 'Users' } },
  auth: { tokenExpiration: 60 * 60 * 12, maxLoginAttempts: 10, lockTime: 10 * 60 * 1000 },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role'], group: { fr: 'Administration', en: 'Administration' } },
  access: {
    admin: ({ req }) => Boolean(req.user),
    create: adminsOnly,
    delete: adminsOnly,
    // A teacher sees their own account only: other staff members are none of their business.
    read: ({ req }) => (isAdmin(req.user) ? true : req.user ? { id: { equals: req.user.id } } : false),
    update: ({ req }) => (isAdmin(req.user) ? true : req.user ? { id: { equals: req.user.id } } : false),
  },
  hooks: {
    beforeOperation: [sameWorkForEveryAccount('users')],
    beforeChange: [
      // The account made on the first-user screen must be able to administer the rest.
      async ({ data, operation, req }) => {
        if (operation !== 'create') return data
        const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
        return totalDocs === 0 ? { ...data, role: 'admin' } : data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', label: { fr: 'Nom', en: 'Name' } },
    {
      name: 'role',
      type: 'select',
      required: true,
      // The first account is made an admin (the hook below): the first-user form shows that, not "Teacher".
      defaultValue: async ({ req, user }) => (!user && (await req.payload.count({ collection: 'users', overrideAccess: true, req })).totalDocs === 0 ? 'admin' : 'teacher'),
      label: { fr: 'Rôle', en: 'Role' },
      options: [
        { value: 'admin', label: { fr: 'Administrateur', en: 'Administrator' } },
        { value: 'teacher', label: { fr: 'Enseignant', en: 'Teacher' } },
      ],
      access: { update: adminsOnlyField, create: adminsOnlyField },
      saveToJWT: true,
    },
  ],
}
